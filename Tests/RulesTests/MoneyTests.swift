import PropertyBased
import Rules
import Testing

@Suite("Money and hours")
struct MoneyTests {
    @Test("compensation is capped by the cap minus what was already paid", arguments: [
        (Int64(2000), Int64(3000), Int64(0), Int64(2000), Int64(0)),
        (3000, 3000, 0, 3000, 0),
        (3001, 3000, 0, 3000, 1),
        (2000, 3000, 1500, 1500, 500),
        (2000, 3000, 3000, 0, 2000),
        (2000, 3000, 3500, 0, 2000),
        (-500, 3000, 0, 0, 0),
        (0, 3000, 0, 0, 0),
    ])
    func payable(claimed: Int64, cap: Int64, paid: Int64, amount: Int64, cappedBy: Int64) {
        let decision = Compensation.payable(claimed: Cents(claimed), cap: Cents(cap), alreadyPaid: Cents(paid))
        #expect(decision.amount == Cents(amount))
        #expect(decision.cappedBy == Cents(cappedBy))
    }

    @Test("property: payouts never exceed the claim or the room left, and add up")
    func payableProperty() async {
        await propertyCheck(input: Gen.int(in: -10_000...100_000), Gen.int(in: 0...10_000), Gen.int(in: 0...20_000)) {
            claimed, cap, paid in
            let decision = Compensation.payable(claimed: Cents(Int64(claimed)), cap: Cents(Int64(cap)),
                                                alreadyPaid: Cents(Int64(paid)))
            #expect(decision.amount >= .zero)
            #expect(decision.amount <= Cents(Int64(max(claimed, 0))))
            #expect(decision.amount + Cents(Int64(paid)) <= Cents(Int64(max(cap, paid))))
            #expect(decision.amount + decision.cappedBy == Cents(Int64(max(claimed, 0))))
        }
    }

    @Test("property: successive claims in a period never pay more than the cap in total")
    func successiveClaims() async {
        await propertyCheck(input: Gen.int(in: 0...5_000).array(of: 1...12)) { claims in
            var paid = Cents.zero
            for claim in claims {
                paid = paid + Compensation.payable(claimed: Cents(Int64(claim)), cap: .euros(70), alreadyPaid: paid).amount
            }
            #expect(paid <= .euros(70))
            #expect(paid == min(.euros(70), Cents(Int64(claims.reduce(0, +)))))
        }
    }

    @Test("staff pay: minutes × rate / 60, rounded half up to the cent", arguments: [
        (60, Int64(1250), Int64(1250)), (40, 1250, 833), (45, 1000, 750), (1, 1000, 17), (1, 1030, 17),
        (1, 1050, 18), (90, 1333, 2000), (0, 1250, 0), (-30, 1250, 0), (30, -100, 0),
    ])
    func staffPay(minutes: Int, rate: Int64, expected: Int64) {
        #expect(StaffPay.amount(minutes: minutes, hourlyRate: Cents(rate)) == Cents(expected))
    }

    @Test("staff pay saturates instead of overflowing")
    func staffPayOverflow() {
        #expect(StaffPay.amount(minutes: .max, hourlyRate: Cents(.max)) > .zero)
    }

    @Test("cents: formatting and saturation")
    func cents() {
        #expect(Cents(3000).description == "30.00 EUR")
        #expect(Cents(5).description == "0.05 EUR")
        #expect(Cents(-1234).description == "-12.34 EUR")
        #expect(Cents(.max) + Cents(1) == Cents(.max))
        #expect(Cents(.min) - Cents(1) == Cents(.min))
        #expect([Cents(100), Cents(250)].sum() == Cents(350))
    }

    @Test("weekly load groups sessions by ISO week (Monday start)")
    func weeks() {
        let weeks = WeeklyLoad.perWeek(sessions: [day("2019-10-06"), day("2019-10-07"), day("2019-10-13"), day("2019-10-14")])
        #expect(weeks.map(\.weekStart) == [day("2019-09-30"), day("2019-10-07"), day("2019-10-14")])
        #expect(weeks.map(\.count) == [1, 2, 1])
    }

    @Test("hours are formatted without floating point")
    func hoursText() {
        #expect(HoursRules.hours(600) == "10 h 00 min")
        #expect(HoursRules.hours(45) == "0 h 45 min")
    }
}

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("day numbers round-trip and match known dates")
    func known() {
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("2000-03-01").dayNumber == 11_017)
        #expect(day("2019-10-07").isoWeekday == 1)
        #expect(day("2019-10-13").isoWeekday == 7)
        #expect(day("1800-01-01").isoWeekday == 3)
        #expect(CalendarDate(iso: "2019-02-29") == nil)
        #expect(CalendarDate(iso: "2020-02-29") != nil)
        #expect(CalendarDate(iso: "2020-2-29") == nil)
        #expect(CalendarDate(year: 10_000, month: 1, day: 1) == nil)
    }

    @Test("property: day number ↔ date round-trips, and order agrees")
    func roundTrip() async {
        await propertyCheck(input: Gen.int(in: -719_162...2_932_896), Gen.int(in: -400...400)) { number, delta in
            guard let date = CalendarDate(dayNumber: number) else {
                Issue.record("no date for \(number)")
                return
            }
            #expect(date.dayNumber == number)
            #expect(CalendarDate(iso: date.iso) == date)
            if let other = date.adding(days: delta) {
                #expect((other < date) == (delta < 0))
                #expect(date.days(until: other) == delta)
            }
        }
    }

    @Test("property: age grows by one on each birthday")
    func ageProperty() async {
        await propertyCheck(input: Gen.int(in: 0...40_000), Gen.int(in: 0...30_000)) { birthOffset, lifeDays in
            guard let birth = day("1900-01-01").adding(days: birthOffset), let date = birth.adding(days: lifeDays),
                  let next = date.adding(days: 1) else { return }
            let grew = next.age(on: next) == 0 ? 0 : birth.age(on: next) - birth.age(on: date)
            #expect(grew == 0 || grew == 1)
            #expect(birth.age(on: date) <= lifeDays / 365)
        }
    }
}
