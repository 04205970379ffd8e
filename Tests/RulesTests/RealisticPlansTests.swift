import Rules
import Testing

/// Complete plans written as a teacher would, in Latvian; each must pass with no findings.
@Suite("Realistic plans pass cleanly")
struct RealisticPlansTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let name: String
        let plan: SupportPlan
        let context: ValidationContext
        var testDescription: String { name }
    }

    static let examples: [Example] = [
        Example(
            name: "8. klase, pašvaldības pamatskola: kavējumi un matemātika",
            plan: SupportPlan(
                id: "IAP-2019-1-0101", institutionId: "kokneses-pamatskola", studentCode: "S-4K8PQ2M7ZD",
                semester: SemesterRef(schoolYear: 2019, number: .first),
                general: GeneralInformation(
                    gradeOrCourse: 8, preparerName: "Inese Saulīte",
                    situation: "Jānis dzīvo pie tēva, kurš strādā maiņās; pēc brīvlaika sāka kavēt pirmās stundas.",
                    goal: "Samazināt neattaisnotos kavējumus līdz 5 stundām mēnesī un matemātikā saņemt vismaz 4 balles."),
                risks: [
                    IdentifiedRisk(code: .L01,
                                   justification: "Septembrī 23 neattaisnoti kavētas stundas, galvenokārt pirmdienu un piektdienu rītos; tēvs strādā nakts maiņās un nepamodina.",
                                   subjects: ["matemātika", "angļu valoda"],
                                   howSupportHelps: "Konsultācijās apgūs nokavētās tēmas, bet sociālais pedagogs ar tēvu vienosies par rīta kārtību."),
                    IdentifiedRisk(code: .L02,
                                   justification: "Matemātikā trīs nepietiekami vērtējumi pēc kārtas (vienādojumi, procenti); mājasdarbus neiesniedz.",
                                   subjects: ["matemātika"],
                                   howSupportHelps: "Divas konsultācijas nedēļā ar matemātikas skolotāju, lai līdz decembrim uzrakstītu ieskaiti."),
                ],
                measures: [
                    PlannedMeasure(type: .consultation, addresses: [.L01, .L02], kind: .consultation,
                                   providers: [.teacher], plannedMinutes: 24 * 60),
                    PlannedMeasure(type: .consultation, addresses: [.L01], kind: .consultativeSupport,
                                   providers: [.socialPedagogue], plannedMinutes: 6 * 60),
                ],
                priorityRisk: .L01),
            context: ValidationContext(
                institution: InstitutionProfile(id: "kokneses-pamatskola", kind: .general, founder: .municipal),
                studentBirthDate: CalendarDate(year: 2006, month: 5, day: 14),
                documentsOnFile: [.viisAttendanceExtract, .gradeReport],
                consent: ConsentRecord(signer: .parentOrGuardian, signedOn: day("2019-09-05")))),
        Example(
            name: "2. kurss, VPII: transports, naktsmītne, ēdināšana",
            plan: SupportPlan(
                id: "IAP-2020-2-0457", institutionId: "rigas-tehnika", studentCode: "S-9XJ3TA0B6R",
                semester: SemesterRef(schoolYear: 2020, number: .second),
                general: GeneralInformation(
                    gradeOrCourse: 2, preparerName: "Dace Medne",
                    situation: "Audzēkne dzīvo Ogres novada laukos 60 km no skolas; ģimenei ir maznodrošinātās statuss.",
                    goal: "Nodrošināt regulāru nokļūšanu skolā un praksē un nepārtraukt mācības finanšu dēļ."),
                risks: [
                    IdentifiedRisk(code: .E01,
                                   justification: "Autobuss no mājām uz Rīgu kursē divreiz dienā; biļetes mēnesī izmaksā vairāk nekā 60 eiro, ģimene to nevar atļauties."),
                    IdentifiedRisk(code: .E02,
                                   justification: "Māte viena audzina trīs bērnus, ienākumi ir tikai pabalsts; audzēkne divas nedēļas neieradās, jo nebija naudas biļetēm."),
                ],
                measures: [
                    PlannedMeasure(type: .transportIntercity, addresses: [.E01], plannedAmount: .euros(30)),
                    PlannedMeasure(type: .transportCity, addresses: [.E01], plannedAmount: .euros(15)),
                    PlannedMeasure(type: .lodging, addresses: [.E01, .E02], plannedAmount: .euros(35)),
                    PlannedMeasure(type: .meals, addresses: [.E02], plannedAmount: .euros(60)),
                    PlannedMeasure(type: .learningMaterials, addresses: [.E02], plannedAmount: .euros(40)),
                ],
                priorityRisk: .E02),
            context: ValidationContext(
                institution: InstitutionProfile(id: "rigas-tehnika", kind: .vocational, founder: .state),
                studentBirthDate: CalendarDate(year: 2004, month: 2, day: 11),
                documentsOnFile: [.lowIncomeCertificate],
                consent: ConsentRecord(signer: .parentOrGuardian, signedOn: day("2021-01-08")))),
        Example(
            name: "11. klase, pilngadīga skolniece ar mazu bērnu",
            plan: SupportPlan(
                id: "IAP-2021-1-0033", institutionId: "jelgavas-vakarskola", studentCode: "S-2MW7R5KQ1C",
                semester: SemesterRef(schoolYear: 2021, number: .first),
                general: GeneralInformation(
                    gradeOrCourse: 11, preparerName: "Liene Bērziņa",
                    situation: "Anna pērn pavasarī kļuva par māti, dzīvo ar draugu; mācās klātienē trīs dienas nedēļā.",
                    goal: "Pabeigt 11. klasi bez nepietiekamiem vērtējumiem un saglabāt mācību motivāciju."),
                risks: [
                    IdentifiedRisk(code: .S05,
                                   justification: "Meitai ir 8 mēneši; bērnudārza vietas nav, tāpēc Anna 4 reizes oktobrī palika mājās, kad draugs strādāja."),
                    IdentifiedRisk(code: .L03,
                                   justification: "Ķīmijā un fizikā nesaprot jaunās tēmas, jo neapmeklēja praktiskos darbus; divi darbi nav ieskaitīti.",
                                   subjects: ["ķīmija", "fizika"],
                                   howSupportHelps: "Individuālās konsultācijās izpildīs praktiskos darbus laikā, kad bērnu pieskata vecmāmiņa."),
                    IdentifiedRisk(code: .E02,
                                   justification: "Ģimenes ienākumi ir bērna kopšanas pabalsts; Annai nav ziemas apavu un mācību piederumu."),
                ],
                measures: [
                    PlannedMeasure(type: .consultation, addresses: [.L03], kind: .consultation,
                                   providers: [.teacher], plannedMinutes: 20 * 60),
                    PlannedMeasure(type: .consultation, addresses: [.S05], kind: .consultativeSupport,
                                   providers: [.psychologist], plannedMinutes: 8 * 60),
                    PlannedMeasure(type: .personalItems, addresses: [.E02], plannedAmount: .euros(25)),
                    PlannedMeasure(type: .meals, addresses: [.E02], plannedAmount: .euros(45)),
                ],
                priorityRisk: .S05),
            context: ValidationContext(
                institution: InstitutionProfile(id: "jelgavas-vakarskola", kind: .general, founder: .municipal),
                studentBirthDate: CalendarDate(year: 2002, month: 12, day: 3),
                documentsOnFile: [.needyCertificate],
                consent: ConsentRecord(signer: .student, signedOn: day("2021-09-06")),
                otherESFSupport: [OtherESFSupport(project: "8.3.5.0 karjeras atbalsts", measures: [])],
                otherPlans: [ExistingPlan(id: "IAP-2020-2-0911", institutionId: "jelgavas-vakarskola",
                                          semester: SemesterRef(schoolYear: 2020, number: .second))])),
        Example(
            name: "3. klase no 2021./22. m. g.: ergoterapeits un invaliditāte",
            plan: SupportPlan(
                id: "IAP-2022-1-0007", institutionId: "jelgavas-4-sakumskola", studentCode: "S-7ZK3M0Q1VX",
                semester: SemesterRef(schoolYear: 2022, number: .first),
                general: GeneralInformation(
                    gradeOrCourse: 3, preparerName: "Kristīne Ozola",
                    situation: "Marta pārvietojas ratiņkrēslā; tēvs pēc insulta, māte viņu aprūpē un bieži nevar atvest meitu.",
                    goal: "Nodrošināt, ka Marta apmeklē skolu katru dienu un patstāvīgi raksta ar pielāgotiem rīkiem."),
                risks: [
                    IdentifiedRisk(code: .S03,
                                   justification: "Kustību traucējumu dēļ rakstīšana ar roku ir lēna; stundās nepaspēj pierakstīt uzdevumus un raud."),
                    IdentifiedRisk(code: .S01,
                                   justification: "Tēvs pēc insulta ir guļošs, māte viņu aprūpē un septembrī piecas dienas nevarēja atvest Martu uz skolu."),
                ],
                measures: [
                    PlannedMeasure(type: .consultation, addresses: [.S03, .S01], kind: .consultation,
                                   providers: [.occupationalTherapist, .assistant], plannedMinutes: 16 * 60),
                    PlannedMeasure(type: .specialTransport, addresses: [.S03, .S01], plannedAmount: .euros(30)),
                ],
                priorityRisk: .S03),
            context: ValidationContext(
                institution: InstitutionProfile(id: "jelgavas-4-sakumskola", kind: .general, founder: .municipal),
                studentBirthDate: CalendarDate(year: 2014, month: 4, day: 22),
                documentsOnFile: [.disabilityCertificate, .medicalStatement],
                consent: ConsentRecord(signer: .parentOrGuardian, signedOn: day("2022-09-02")))),
    ]

    @Test("no findings", arguments: examples)
    func clean(_ example: Example) {
        let findings = PlanValidator.validate(plan: example.plan, context: example.context)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test("the examples are real: one change makes each fail")
    func sensitive() {
        for example in Self.examples {
            var plan = example.plan
            plan.risks[0].justification = "psiholoģiskas problēmas"
            #expect(PlanValidator.validate(plan: plan, context: example.context).hasErrors)
        }
    }
}
