import Rules

extension RuleCase {
    static let general: [RuleCase] = [
        .plan(.generalFieldRequired, nil, "all general fields filled") { _ in },
        .plan(.generalFieldRequired, .error, "preparer blank") { $0.plan.general.preparerName = "  " },
        .plan(.generalFieldRequired, .error, "grade missing") { $0.plan.general.gradeOrCourse = nil },
        .plan(.generalFieldRequired, .error, "goal empty") { $0.plan.general.goal = "" },
        .plan(.generalStudentCode, nil, "well-formed code") { _ in },
        .plan(.generalStudentCode, .error, "personal code instead of student code") { $0.plan.studentCode = "16117519997" },
        .plan(.studentBirthDateRequired, nil, "birth date known") { _ in },
        .plan(.studentBirthDateRequired, .error, "birth date missing") { $0.context.studentBirthDate = nil },
        .plan(.studentBirthDateRequired, nil, "only the age at the semester's start (as messages carry it)") {
            $0.context.studentBirthDate = nil
            $0.context.studentAgeAtSemesterStart = 15
        },
        .plan(.semesterUnknown, nil, "semester in the calendar") { _ in },
        .plan(.semesterUnknown, .error, "semester 2030/31 I") {
            $0.plan.semester = SemesterRef(schoolYear: 2030, number: .first)
        },
        .plan(.programmePeriod, nil, "2022/23 I starts before 2022-12-31") {
            $0.plan.semester = SemesterRef(schoolYear: 2022, number: .first)
        },
        .plan(.programmePeriod, .error, "2022/23 II starts after plans end") {
            $0.plan.semester = SemesterRef(schoolYear: 2022, number: .second)
        },
        .plan(.programmePeriod, .error, "operator moved plansUntil earlier") {
            $0.settings.programmePeriod.plansUntil = day("2019-06-30")
        },
        .plan(.targetGroupGrade, nil, "grade 5 in 2019/20") { $0.plan.general.gradeOrCourse = 5 },
        .plan(.targetGroupGrade, .error, "grade 4 in 2019/20") { $0.plan.general.gradeOrCourse = 4 },
        .plan(.targetGroupGrade, nil, "grade 3 from 2021/22 I") {
            $0.plan.general.gradeOrCourse = 3
            $0.plan.semester = SemesterRef(schoolYear: 2021, number: .first)
        },
        .plan(.targetGroupGrade, .error, "grade 3 in 2020/21 II") {
            $0.plan.general.gradeOrCourse = 3
            $0.plan.semester = SemesterRef(schoolYear: 2020, number: .second)
        },
        .plan(.targetGroupGrade, .error, "grade 13") { $0.plan.general.gradeOrCourse = 13 },
        .plan(.targetGroupGrade, .error, "vocational course 5") {
            $0.context.institution.kind = .vocational
            $0.plan.general.gradeOrCourse = 5
        },
        .plan(.targetGroupGrade, nil, "vocational programme in a general school, course 2 (seed 002)") {
            $0.plan.general.programmeKind = .vocational
            $0.plan.general.gradeOrCourse = 2
        },
        .plan(.consentRequired, nil, "consent on file") { _ in },
        .plan(.consentRequired, .warning, "no consent yet: submission allowed, implementation waits") { $0.context.consent = nil },
        .plan(.consentRequired, .warning, "consent revoked") { $0.context.consent?.revoked = true },
        .plan(.consentSigner, nil, "minor, parent signed") { _ in },
        .plan(.consentSigner, .error, "minor signed own consent") { $0.context.consent?.signer = .student },
        .plan(.consentSigner, .error, "adult, parent signed") { $0.context.studentBirthDate = day("2000-01-15") },
        .plan(.consentSigner, .error, "age only: adult (18), parent signed") {
            $0.context.studentBirthDate = nil
            $0.context.studentAgeAtSemesterStart = 18
        },
        .plan(.consentSigner, nil, "age only: minor (17), parent signed") {
            $0.context.studentBirthDate = nil
            $0.context.studentAgeAtSemesterStart = 17
        },
        .plan(.consentSigner, .error, "age only: minor (17) signed own consent") {
            $0.context.studentBirthDate = nil
            $0.context.studentAgeAtSemesterStart = 17
            $0.context.consent?.signer = .student
        },
        .plan(.consentSigner, nil, "adult signed own (annex 1)") {
            $0.context.studentBirthDate = day("2000-01-15")
            $0.context.consent?.signer = .student
        },
        .plan(.consentSigner, nil, "turns 18 the day after the semester starts: still a minor") {
            $0.context.studentBirthDate = day("2001-09-02")
        },
        .plan(.planDuplicateInSemester, nil, "plan in another semester") {
            $0.context.otherPlans = [ExistingPlan(id: "IAP-old", institutionId: "inst-rigas-72",
                                                  semester: SemesterRef(schoolYear: 2018, number: .second))]
        },
        .plan(.planDuplicateInSemester, nil, "same semester, other institution") {
            $0.context.otherPlans = [ExistingPlan(id: "IAP-x", institutionId: "inst-other", semester: Fixture.semester)]
        },
        .plan(.planDuplicateInSemester, nil, "same semester, deleted plan") {
            $0.context.otherPlans = [ExistingPlan(id: "IAP-x", institutionId: "inst-rigas-72",
                                                  semester: Fixture.semester, isDeleted: true)]
        },
        .plan(.planDuplicateInSemester, nil, "the plan itself is listed") {
            $0.context.otherPlans = [ExistingPlan(id: $0.plan.id, institutionId: "inst-rigas-72", semester: Fixture.semester)]
        },
        .plan(.planDuplicateInSemester, .error, "same institution, same semester") {
            $0.context.otherPlans = [ExistingPlan(id: "IAP-x", institutionId: "inst-rigas-72", semester: Fixture.semester)]
        },
        .plan(.planRisksRequired, nil, "risks present") { _ in },
        .plan(.planRisksRequired, .error, "no risks") { $0.plan.risks = [] },
        .plan(.planPriorityRisk, nil, "priority is a plan risk") { $0.plan.priorityRisk = .F04 },
        .plan(.planPriorityRisk, .error, "no priority") { $0.plan.priorityRisk = nil },
        .plan(.planPriorityRisk, .error, "priority not in the plan") { $0.plan.priorityRisk = .S04 },
    ]
}
