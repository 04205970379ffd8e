/// Plan-level rules: general information, student, semester, programme period, target
/// group, consent, duplicates, risks present, priority risk.
public enum GeneralRules {
    /// Findings for the plan as a whole.
    public static func check(_ facts: PlanFacts) -> [Finding] {
        generalInformation(facts) + student(facts) + semester(facts) + consent(facts) + planShape(facts)
    }

    /// Seed 000 item 12: every field of "Vispārējā informācija" is filled; item 15: the code.
    static func generalInformation(_ facts: PlanFacts) -> [Finding] {
        let general = facts.plan.general
        var findings: [Finding] = []
        func require(_ blank: Bool, _ field: String, _ lv: String, _ en: String) {
            guard blank else { return }
            findings.append(.error(.generalFieldRequired, "general.\(field)",
                                   lv: "Aizpildiet lauku “\(lv)” sadaļā “Vispārējā informācija”.",
                                   en: "Fill in “\(en)” in the general information."))
        }
        require(general.gradeOrCourse == nil, "gradeOrCourse", "Klase/kurss", "Grade/course")
        require(general.preparerName.isBlank, "preparerName", "IAP sagatavotājs", "Plan preparer")
        require(general.situation.isBlank, "situation", "Izglītojamā situācija", "Student's situation")
        require(general.goal.isBlank, "goal", "Atbalsta mērķis semestrī", "Goal of the semester's support")
        if !StudentCode.isValid(facts.plan.studentCode) {
            findings.append(.error(.generalStudentCode, "studentCode",
                                   lv: "Izglītojamā identifikācijas kodam jābūt formā S-XXXXXXXXXX; to piešķir sistēma.",
                                   en: "The student code must look like S-XXXXXXXXXX; the system assigns it."))
        }
        return findings
    }

    static func student(_ facts: PlanFacts) -> [Finding] {
        // Either the birth date or the age it gives (what messages carry) satisfies the rule.
        guard facts.context.studentBirthDate == nil, facts.context.studentAgeAtSemesterStart == nil else { return [] }
        return [.error(.studentBirthDateRequired, "student.birthDate",
                       lv: "Norādiet izglītojamā dzimšanas datumu (jaunā formāta personas kodā tā nav).",
                       en: "Enter the student's birth date (new-format personal codes do not carry it).")]
    }

    static func semester(_ facts: PlanFacts) -> [Finding] {
        let label = facts.plan.semester.label
        guard let dates = facts.semesterDates else {
            return [.error(.semesterUnknown, "semester",
                           lv: "\(label.lv) nav semestru kalendārā: izvēlieties citu semestri vai lūdziet operatoru to pievienot.",
                           en: "\(label.en) is not in the semester calendar: choose another or ask the operator to add it.")]
        }
        var findings: [Finding] = []
        let period = facts.settings.programmePeriod
        if dates.start > period.plansUntil || dates.end < period.start {
            findings.append(.error(.programmePeriod, "semester",
                                   lv: "IAP var sagatavot semestriem no \(period.start) līdz \(period.plansUntil); \(label.lv) ir ārpus šī perioda.",
                                   en: "Plans may be made for semesters from \(period.start) to \(period.plansUntil); \(label.en) is outside."))
        }
        if let grade = facts.plan.general.gradeOrCourse {
            let rule = facts.settings.targetGroup(for: facts.plan.semester)
            let range = facts.programmeKind == .general ? rule?.generalGrades : rule?.vocationalCourses
            if range.map({ !$0.contains(grade) }) ?? true {
                let bounds = range.map { "\($0.lowest)–\($0.highest)" } ?? "—"
                let unit = facts.programmeKind == .general ? ("klase", "Grade", "grades") : ("kurss", "Course", "courses")
                findings.append(.error(.targetGroupGrade, "general.gradeOrCourse",
                                       lv: "\(grade). \(unit.0) nav mērķa grupā \(label.lv) (\(unit.0): \(bounds)).",
                                       en: "\(unit.1) \(grade) is not in the target group for \(label.en) (\(unit.2) \(bounds))."))
            }
        }
        return findings
    }

    /// DOMAIN.md §3, seed 000 item 8: consent is needed before implementation starts, not to
    /// submit, so a plan without it is a warning that approvers see; age on the semester's start
    /// decides who signs, and a consent signed by the wrong person is an error.
    static func consent(_ facts: PlanFacts) -> [Finding] {
        guard let consent = facts.context.consent, !consent.revoked else {
            return [.warning(.consentRequired, "consent",
                             lv: "Piekrišanas iesniegums vēl nav pievienots: plānu var iesniegt un saskaņot, bet konsultācijas ierakstīt un kompensācijas izmaksāt varēs tikai pēc tam, kad tas būs reģistrēts.",
                             en: "The consent form is not on file yet: the plan may be submitted and approved, but no consultation can be recorded and no payout released until it is.")]
        }
        guard let age = facts.ageAtSemesterStart else { return [] }
        let expected = ConsentSigner.expected(forAge: age)
        guard consent.signer != expected else { return [] }
        return [age >= 18
            ? .error(.consentSigner, "consent.signer",
                     lv: "Izglītojamais semestra sākumā ir pilngadīgs: piekrišanu paraksta pats (1. pielikums).",
                     en: "The student is an adult at the semester's start: they sign their own consent (annex 1).")
            : .error(.consentSigner, "consent.signer",
                     lv: "Izglītojamais semestra sākumā ir nepilngadīgs: piekrišanu paraksta vecāks vai aizbildnis (2. pielikums).",
                     en: "The student is a minor at the semester's start: a parent or guardian signs (annex 2).")]
    }

    static func planShape(_ facts: PlanFacts) -> [Finding] {
        let plan = facts.plan
        var findings: [Finding] = []
        let duplicates = facts.context.otherPlans.filter {
            !$0.isDeleted && $0.id != plan.id && $0.institutionId == plan.institutionId && $0.semester == plan.semester
        }
        if !duplicates.isEmpty {
            findings.append(.error(.planDuplicateInSemester, "semester",
                                   lv: "Šim izglītojamam šajā iestādē \(plan.semester.label.lv) jau ir IAP: labojiet esošo plānu, nevis veidojiet jaunu.",
                                   en: "The student already has a plan in this institution for \(plan.semester.label.en): edit it instead."))
        }
        if plan.risks.isEmpty {
            findings.append(.error(.planRisksRequired, "risks",
                                   lv: "Atzīmējiet vismaz vienu identificētu PMP risku.",
                                   en: "Mark at least one identified early-leaving risk."))
        } else if let priority = plan.priorityRisk, facts.riskCodes.contains(priority) {
            // The priority risk is one of the plan's risks.
        } else {
            findings.append(.error(.planPriorityRisk, "priorityRisk",
                                   lv: "Norādiet, ar kuru no plānā atzīmētajiem riskiem semestrī sāk atbalstu.",
                                   en: "Mark which of the plan's risks the semester's support starts with."))
        }
        return findings
    }
}
