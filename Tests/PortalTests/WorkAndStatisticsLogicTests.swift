import Portal
import Testing

@Suite("Portal: hours headroom on my month, statistics bar scaling")
struct WorkAndStatisticsLogicTests {
    @Test("A measure warns from four fifths of its planned minutes and is full at them; nothing planned is full")
    func headroom() {
        #expect(HoursHeadroom.of(used: 0, limit: 600) == .fine)
        #expect(HoursHeadroom.of(used: 479, limit: 600) == .fine)
        #expect(HoursHeadroom.of(used: 480, limit: 600) == .near)
        #expect(HoursHeadroom.of(used: 599, limit: 600) == .near)
        #expect(HoursHeadroom.of(used: 600, limit: 600) == .full)
        #expect(HoursHeadroom.of(used: 700, limit: 600) == .full)
        #expect(HoursHeadroom.of(used: 0, limit: 0) == .full)
    }

    @Test("The axis ends at the next 1, 2 or 5 × 10ⁿ; at least 1")
    func axis() {
        #expect(BarChart.axisMaximum(0) == 1)
        #expect(BarChart.axisMaximum(1) == 1)
        #expect(BarChart.axisMaximum(3) == 5)
        #expect(BarChart.axisMaximum(7) == 10)
        #expect(BarChart.axisMaximum(10) == 10)
        #expect(BarChart.axisMaximum(11) == 20)
        #expect(BarChart.axisMaximum(201) == 500)
        #expect(BarChart.axisMaximum(501) == 1000)
    }

    @Test("Bars are in proportion to the axis; hidden figures and zero draw nothing; a small figure still shows")
    func lengths() {
        #expect(BarChart.lengths([10, 5, 0, nil], width: 400) == [400, 200, 0, 0])
        #expect(BarChart.lengths([7], width: 400) == [280])
        #expect(BarChart.lengths([1000, 1], width: 400) == [400, 1])
        #expect(BarChart.lengths([nil, nil], width: 400) == [0, 0])
        #expect(BarChart.lengths([], width: 400) == [])
        #expect(BarChart.lengths([3], width: 0) == [0])
    }
}

@Suite("Portal: the statistics page's period and grouping")
struct StatisticsChoiceTests {
    @Test("A semester or a school year, nothing else")
    func period() {
        #expect(StatisticsChoice.period("2026/2027-1").map { "\($0.name)=\($0.value)" } == "semester=2026/2027-1")
        #expect(StatisticsChoice.period(" 2026/2027 ").map { "\($0.name)=\($0.value)" } == "schoolYear=2026/2027")
        #expect(StatisticsChoice.period("2026/2028") == nil)
        #expect(StatisticsChoice.period("2026/2027-3") == nil)
        #expect(StatisticsChoice.period("2026") == nil)
        #expect(StatisticsChoice.period("") == nil)
        #expect(StatisticsChoice.schoolYear(year: 2026, month: 12) == "2026/2027")
        #expect(StatisticsChoice.schoolYear(year: 2027, month: 3) == "2026/2027")
    }

    @Test("Every grouping the form offers has a source; region shows both regional tables")
    func groupings() {
        for grouping in StatisticsChoice.groupings { #expect(StatisticsChoice.source(of: grouping) != nil) }
        #expect(StatisticsChoice.source(of: "region") == .programme(["plans_by_region", "partners_by_region"]))
        #expect(StatisticsChoice.source(of: "institution") == .grouped("institution"))
        #expect(StatisticsChoice.source(of: "status") == nil)
    }
}

@Suite("Portal: who is offered a work record's decision")
struct WorkLogDecisionOfferTests {
    @Test("the coordinator always; the head only for a record the coordinator attested; nobody else")
    func offered() {
        #expect(PortalApp.decidesWorkLog("institution_coordinator", attested: false))
        #expect(PortalApp.decidesWorkLog("institution_head", attested: true))
        #expect(!PortalApp.decidesWorkLog("institution_head", attested: false))
        #expect(!PortalApp.decidesWorkLog("specialist", attested: true))
    }
}
