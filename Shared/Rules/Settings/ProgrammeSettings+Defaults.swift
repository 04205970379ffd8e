extension ProgrammeSettings {
    /// Default values, each traced to its source.
    public enum Defaults {
        /// Caps from seed 003 and DOMAIN.md §5 (city transport and learning materials have no
        /// figure in the seeds: DOMAIN.md's operator defaults 30/month and 50/semester).
        public static let caps: [MeasureType: CompensationCap] = [
            .transportIntercity: CompensationCap(amount: .euros(30), period: .month),
            .transportCity: CompensationCap(amount: .euros(30), period: .month),
            .lodging: CompensationCap(amount: .euros(35), period: .month),
            .meals: CompensationCap(amount: .euros(70), period: .month),
            .learningMaterials: CompensationCap(amount: .euros(50), period: .semester),
            .personalItems: CompensationCap(amount: .euros(25), period: .semester),
            .specialTransport: CompensationCap(amount: .euros(30), period: .month),
        ]

        /// Seed 002: the project runs from 03.2017.
        public static let programmeStart = CalendarDate(validYear: 2017, month: 3, day: 1)
        /// Seed 000 item 1: plans may be made each semester until 2022-12-31.
        public static let plansUntil = CalendarDate(validYear: 2022, month: 12, day: 31)
        /// Seed 002: the project runs until 12.2023.
        public static let programmeEnd = CalendarDate(validYear: 2023, month: 12, day: 31)

        /// Seed 000: up to 10 paid hours per plan per semester for the preparer (the later
        /// FAQ IAP-15 says 6: operators add an entry from the semester it applies to).
        public static let preparerLimits = [
            MinutesFromSemester(from: SemesterRef(schoolYear: 2016, number: .first), minutes: 600),
        ]

        /// A carried-forward document without its own end date counts for 12 months after its
        /// upload (an operator setting: the seeds name no period; status certificates are
        /// usually issued for up to a year).
        public static let carriedEvidenceMonths = 12

        /// One consultation = one planned hour. The seeds count "hours" and "consultations"
        /// interchangeably; an operator may set e.g. 40 (an academic lesson).
        public static let minutesPerConsultation = 60

        /// Seed 002: grades 5–12 and courses 1–4; grades 1–4 too from 2021/22 semester 1.
        public static let targetGroups = [
            TargetGroupRule(from: SemesterRef(schoolYear: 2016, number: .first),
                            generalGrades: GradeRange(lowest: 5, highest: 12),
                            vocationalCourses: GradeRange(lowest: 1, highest: 4)),
            TargetGroupRule(from: SemesterRef(schoolYear: 2021, number: .first),
                            generalGrades: GradeRange(lowest: 1, highest: 12),
                            vocationalCourses: GradeRange(lowest: 1, highest: 4)),
        ]

        /// No default: DOMAIN.md makes hourly rates an operator setting without figures, so
        /// staff pay reports `pay.rate.missing` until the operator sets them.
        public static let hourlyRates: [StaffRole: Cents] = [:]

        /// Seed 000 item 19's acceptable example "agresīvs nezināmās (skolēnam svešās)
        /// situācijās" has five words, so five is the most we may demand.
        public static let minimumJustificationWords = 5

        /// Semester calendar 2016/17 II … 2022/23 II: semester 1 is 1 Sept – 31 Dec,
        /// semester 2 is 1 Jan – 31 May. The seeds give no dates; operators set the real ones.
        public static let semesters: [SemesterDates] = (2016...2022).flatMap { year -> [SemesterDates] in
            let first = SemesterDates(
                semester: SemesterRef(schoolYear: year, number: .first),
                start: CalendarDate(validYear: year, month: 9, day: 1),
                end: CalendarDate(validYear: year, month: 12, day: 31))
            let second = SemesterDates(
                semester: SemesterRef(schoolYear: year, number: .second),
                start: CalendarDate(validYear: year + 1, month: 1, day: 1),
                end: CalendarDate(validYear: year + 1, month: 5, day: 31))
            return year == 2016 ? [second] : [first, second]
        }
    }
}
