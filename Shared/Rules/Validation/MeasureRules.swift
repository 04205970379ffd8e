/// Completeness and exclusion rules for each support measure (seed 000 items 12, 13, 16, 17;
/// MK No. 460 23.1.1–23.1.2).
public enum MeasureRules {
    /// Findings for every measure, in the plan's order.
    public static func check(_ facts: PlanFacts) -> [Finding] {
        var seenMoneyMeasures: Set<MeasureType> = []
        return facts.plan.measures.enumerated().flatMap { index, measure -> [Finding] in
            let path = "measures[\(index)]"
            let name = measure.type.label
            var findings: [Finding] = []
            let unknown = measure.addresses.filter { !facts.riskCodes.contains($0) }.map(\.rawValue)
            if measure.addresses.isEmpty || !unknown.isEmpty {
                let detail = unknown.isEmpty ? ("", "") : (" (plānā nav: \(unknown.joined(separator: ", ")))",
                                                           " (not in the plan: \(unknown.joined(separator: ", ")))")
                findings.append(.error(.measureAddressesRequired, "\(path).addresses",
                                       lv: "Norādiet, kuriem plāna riskiem paredzēts pasākums “\(name.lv)”\(detail.0).",
                                       en: "Say which of the plan's risks “\(name.en)” addresses\(detail.1)."))
            }
            if !measure.type.isConsultation && !seenMoneyMeasures.insert(measure.type).inserted {
                findings.append(.error(.measureDuplicate, "\(path).type",
                                       lv: "Pasākums “\(name.lv)” plānā jau ir: apvienojiet summas vienā pasākumā.",
                                       en: "“\(name.en)” is already in the plan: combine the amounts in one measure."))
            }
            findings += measure.type.isConsultation ? consultation(measure, path: path, semester: facts.semesterDates)
                                                    : money(measure, path: path)
            if measure.fundedElsewhere && measure.type.excludedWhenFundedElsewhere {
                findings.append(.error(.measureFundedElsewhere, "\(path).fundedElsewhere",
                                       lv: "“\(name.lv)” nevar iekļaut, ja to jau nodrošina no valsts, pašvaldības vai cita budžeta līdzekļiem.",
                                       en: "“\(name.en)” cannot be included when the state, municipal or another budget already funds it."))
            }
            return findings
        }
    }

    static func consultation(_ measure: PlannedMeasure, path: String, semester: SemesterDates?) -> [Finding] {
        var findings: [Finding] = []
        if measure.kind == nil {
            findings.append(.error(.measureKindRequired, "\(path).kind",
                                   lv: "Norādiet, vai tās ir konsultācijas vai konsultatīvais atbalsts.",
                                   en: "Say whether this is consultation or consultative support."))
        }
        if measure.providers.isEmpty {
            findings.append(.error(.measureProvidersRequired, "\(path).providers",
                                   lv: "Norādiet iesaistītos atbalsta sniedzējus (pedagogs, psihologs u.c.).",
                                   en: "Name the providers involved (teacher, psychologist, …)."))
        }
        if (measure.plannedMinutes ?? 0) <= 0 {
            findings.append(.error(.measureHoursRequired, "\(path).plannedMinutes",
                                   lv: "Norādiet plānoto stundu skaitu – kopējo stundu skaitu semestrī.",
                                   en: "Enter the planned hours: the total for the semester."))
        }
        if measure.kind == .holidaySupport {
            findings += holidayPeriod(measure.holidayPeriod, path: "\(path).holidayPeriod", semester: semester)
        }
        return findings
    }

    /// School-holiday support (MK No. 460 23.1.1, funded like any consultation) is planned for
    /// named holiday days within the plan's semester.
    static func holidayPeriod(_ period: DatePeriod?, path: String, semester: SemesterDates?) -> [Finding] {
        guard let period else {
            return [.error(.measureHolidayPeriodRequired, path,
                           lv: "Atbalstam skolas brīvlaikā norādiet brīvlaika pirmo un pēdējo dienu.",
                           en: "For support during school holidays, enter the holiday's first and last day.")]
        }
        let inSemester = semester.map { $0.contains(period.start) && $0.contains(period.end) } ?? true
        guard period.start > period.end || !inSemester else { return [] }
        let bounds = semester.map { " (\($0.start) – \($0.end))" } ?? ""
        return [.error(.measureHolidayPeriodInSemester, path,
                       lv: "Brīvlaika dienām jābūt plāna semestrī\(bounds), pirmajai dienai – pirms pēdējās.",
                       en: "The holiday days must lie within the plan's semester\(bounds), the first before the last.")]
    }

    static func money(_ measure: PlannedMeasure, path: String) -> [Finding] {
        guard (measure.plannedAmount ?? .zero) <= .zero else { return [] }
        return [.error(.measureAmountRequired, "\(path).plannedAmount",
                       lv: "Norādiet plānoto summu pasākumam “\(measure.type.label.lv)”.",
                       en: "Enter the planned amount for “\(measure.type.label.en)”.")]
    }
}

/// The planned amount of each money measure within its cap (seed 003, DOMAIN.md §5).
public enum CapRules {
    /// Findings for measures planned above their cap.
    public static func check(_ facts: PlanFacts) -> [Finding] {
        facts.plan.measures.enumerated().compactMap { index, measure -> Finding? in
            guard let amount = measure.plannedAmount, let cap = facts.settings.cap(for: measure.type),
                  amount > cap.amount
            else { return nil }
            let path = "measures[\(index)].plannedAmount"
            let name = measure.type.label
            switch cap.period {
            case .month:
                return .error(.capMonthly, path,
                              lv: "“\(name.lv)”: plānotā summa \(amount) mēnesī pārsniedz limitu \(cap.amount) mēnesī.",
                              en: "“\(name.en)”: the planned \(amount) a month exceeds the cap of \(cap.amount) a month.")
            case .semester:
                return .error(.capSemester, path,
                              lv: "“\(name.lv)”: plānotā summa \(amount) semestrī pārsniedz limitu \(cap.amount) semestrī.",
                              en: "“\(name.en)”: the planned \(amount) a semester exceeds the cap of \(cap.amount) a semester.")
            }
        }
    }
}

/// No overlap with support from other ESF projects (seed 000 item 14).
public enum ESFRules {
    /// Findings for measures the student already receives in another ESF project.
    public static func check(_ facts: PlanFacts) -> [Finding] {
        facts.plan.measures.enumerated().flatMap { index, measure in
            facts.context.otherESFSupport.filter { $0.measures.contains(measure.type) }.map { other in
                Finding.error(.esfOverlap, "measures[\(index)].type",
                              lv: "Izglītojamais “\(measure.type.label.lv)” jau saņem ESF projektā “\(other.project)”: atbalsts nedrīkst pārklāties.",
                              en: "The student already receives “\(measure.type.label.en)” in ESF project “\(other.project)”: support must not overlap.")
            }
        }
    }
}
