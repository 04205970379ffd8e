import Rules
import Testing

/// A plan, its context and settings that together validate cleanly; table cases mutate one
/// thing each.
struct Fixture: Sendable {
    var plan: SupportPlan
    var context: ValidationContext
    var settings = ProgrammeSettings.defaults

    static let semester = SemesterRef(schoolYear: 2019, number: .first)

    init() {
        plan = SupportPlan(
            id: "IAP-2019-1-0001", institutionId: "inst-rigas-72", studentCode: "S-7ZK3M0Q1VX",
            semester: Fixture.semester,
            general: GeneralInformation(
                gradeOrCourse: 8, preparerName: "Ilze Kalniņa",
                situation: "Skolēns dzīvo ar vecmāmiņu, māte strādā Īrijā; mācību gada sākumā kavē un nepilda mājasdarbus.",
                goal: "Semestra beigās matemātikā un latviešu valodā sasniegt vismaz 4 balles."),
            risks: [
                IdentifiedRisk(code: .L02,
                               justification: "Matemātikā un latviešu valodā 1. semestra pirmajos ieskaites darbos četri nepietiekami vērtējumi; skolēns pats saka, ka nesaprot daļskaitļus.",
                               subjects: ["matemātika", "latviešu valoda"],
                               howSupportHelps: "Individuālas konsultācijas reizi nedēļā ļaus apgūt trūkstošās tēmas un nokārtot ieskaites."),
                IdentifiedRisk(code: .F04,
                               justification: "Vecmāmiņa nepārbauda mājasdarbus un neapmeklē vecāku sapulces; māte ar skolu sazinās reizi mēnesī."),
            ],
            measures: [
                PlannedMeasure(type: .consultation, addresses: [.L02], kind: .consultation,
                               providers: [.teacher], plannedMinutes: 16 * 60),
                PlannedMeasure(type: .consultation, addresses: [.F04], kind: .consultativeSupport,
                               providers: [.socialPedagogue], plannedMinutes: 8 * 60),
            ],
            priorityRisk: .L02)
        context = ValidationContext(
            institution: InstitutionProfile(id: "inst-rigas-72", kind: .general, founder: .municipal),
            studentBirthDate: CalendarDate(year: 2006, month: 3, day: 10),
            documentsOnFile: [.gradeReport],
            consent: ConsentRecord(signer: .parentOrGuardian, signedOn: CalendarDate.unixEpoch))
    }

    func validate() -> [Finding] { PlanValidator.validate(plan: plan, context: context, settings: settings) }

    /// A consultation measure for `risk` (to keep a risk's measure requirement satisfied).
    static func consultation(_ risks: [RiskCode], _ providers: [ProviderType] = [.psychologist],
                             minutes: Int = 120) -> PlannedMeasure {
        PlannedMeasure(type: .consultation, addresses: risks, kind: .consultativeSupport,
                       providers: providers, plannedMinutes: minutes)
    }

    /// A concrete justification that passes the detail rules.
    static let concrete = "Trīs reizes oktobrī atteicās ieiet klasē pēc konflikta starpbrīdī un aizgāja mājās."
}

/// One row of a rule table: a rule, the expected outcome, and how to produce findings.
struct RuleCase: Sendable, CustomTestStringConvertible {
    /// `nil` = the rule must not fire.
    let rule: RuleID
    let outcome: Severity?
    let name: String
    let run: @Sendable () -> [Finding]

    var testDescription: String { "\(rule.rawValue) \(outcome?.rawValue ?? "passes"): \(name)" }

    /// A case that mutates the clean fixture and validates it.
    static func plan(_ rule: RuleID, _ outcome: Severity?, _ name: String,
                     _ mutate: @escaping @Sendable (inout Fixture) -> Void) -> RuleCase {
        RuleCase(rule: rule, outcome: outcome, name: name) {
            var fixture = Fixture()
            mutate(&fixture)
            return fixture.validate()
        }
    }

    /// Checks the outcome: the rule fires with exactly this severity, or not at all.
    func verify() {
        let fired = run().filter { $0.ruleId == rule }
        if let outcome {
            #expect(!fired.isEmpty, "\(rule.rawValue) did not fire")
            #expect(fired.allSatisfy { $0.severity == outcome }, "\(fired)")
            #expect(fired.allSatisfy { !$0.message.lv.isEmpty && !$0.message.en.isEmpty && !$0.path.isEmpty })
        } else {
            #expect(fired.isEmpty, "\(fired)")
        }
    }
}


/// A date from `YYYY-MM-DD` literals in tests; records an issue for a bad literal.
func day(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else {
        Issue.record("bad date literal \(iso)")
        return CalendarDate.unixEpoch
    }
    return date
}

/// Deterministic generator for reproducible test data (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D4_9BB4_6331_11EB
        return z ^ (z >> 31)
    }
}

/// Two-digit zero-padded text.
func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

/// The ten digits plus their check digit.
func withCheckDigit(_ ten: String) -> String {
    let digits = ten.compactMap { $0.wholeNumberValue }
    return ten + String(PersonalCode.checkDigit(of: digits))
}

/// Inserts the hyphen after the sixth character.
func hyphenated(_ code: String) -> String { "\(code.prefix(6))-\(code.dropFirst(6))" }
