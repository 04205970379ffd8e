extension RiskCode {
    /// The risk's name as in seed 000, with an English rendering.
    public var label: LocalizedText {
        let (lv, en) = RiskCode.labels[self] ?? (rawValue, rawValue)
        return LocalizedText(lv: lv, en: en)
    }

    private static let labels: [RiskCode: (String, String)] = [
        .L01: ("Neattaisnoti mācību kavējumi", "Unexcused absences"),
        .L02: ("Zemi mācību sasniegumi (nepietiekami vērtējumi)", "Low achievement (failing grades)"),
        .L03: ("Grūtības mācību satura apguvē", "Difficulty learning the content"),
        .L04: ("Iekavēta mācību satura apguve iepriekšējā izglītības posmā",
               "Gaps in learning from the previous stage of education"),
        .L05: ("Uzvedības problēmas", "Behaviour problems"),
        .L06: ("Konflikti ar klases/skolas/kursa biedriem", "Conflicts with classmates, schoolmates or coursemates"),
        .L07: ("Konflikti ar pedagogiem", "Conflicts with teachers"),
        .L08: ("Pret izglītojamo vērsta vardarbība/mobings/izstumšana",
               "Violence, bullying or exclusion directed at the student"),
        .L09: ("Otrgadniecība", "Repeating a year"),
        .L10: ("Problemātiska izglītības iestādes un ģimenes sadarbība",
               "Poor cooperation between the institution and the family"),
        .L11: ("Valodas barjera", "Language barrier"),
        .L12: ("Verbāla vai fiziska agresija (pret cilvēkiem vai priekšmetiem)",
               "Verbal or physical aggression (towards people or objects)"),
        .L13: ("Liela slodze (mācību darbs/interešu izglītība/profesionālā ievirze)",
               "Overload (studies, hobby education, pre-professional education)"),
        .S01: ("Slims vecāks vai cits tuvinieks", "Ill parent or other relative"),
        .S02: ("Speciālās vajadzības (iegūti vai iedzimti funkcionāli traucējumi)",
               "Special needs (acquired or congenital functional impairments)"),
        .S03: ("Invaliditāte", "Disability"),
        .S04: ("Grūtniecība", "Pregnancy"),
        .S05: ("Ir mazs bērns/-i", "Has a young child or children"),
        .S06: ("Izglītojamais ir laulībā/attiecībās", "The student is married or in a relationship"),
        .E01: ("Apgrūtināta nokļūšana izglītības iestādē", "Difficulty getting to the institution"),
        .E02: ("Nepietiekami finanšu resursi pamatvajadzību nodrošināšanai",
               "Insufficient money for basic needs"),
        .E03: ("Ģimene nevar nodrošināt individuālos mācību līdzekļus",
               "The family cannot provide individual learning materials"),
        .E04: ("Mājās nav pieejas internetam, kas traucē mācībām", "No internet at home, which hinders learning"),
        .E05: ("Izglītojamā kredītsaistības (ātrie kredīti)", "The student's debts (payday loans)"),
        .E06: ("Nepieciešamība veikt pienākumus mājās", "Household duties"),
        .F01: ("Vecāki strādā citā valstī/pilsētā, atrodas ilgstošā prombūtnē",
               "Parents work in another country or town, or are away for long periods"),
        .F02: ("Pieskata brāļus/māsas vai citus ģimenes locekļus", "Looks after siblings or other family members"),
        .F03: ("Vecākiem ir atkarības problēmas", "Parents have addiction problems"),
        .F04: ("Vecāki neatbalsta izglītojamo mācību procesā", "Parents do not support the student's learning"),
        .F05: ("Vecāki izrāda pārāk lielu interesi par bērna mācībām",
               "Parents are over-involved in the child's learning"),
        .F06: ("Ģimenē ir konfliktējošas attiecības", "Conflicts in the family"),
        .F07: ("Izglītojamais ievietots ārpusģimenes aprūpes iestādē", "The student is in out-of-family care"),
        .O01: ("Cits identificēts risks", "Other identified risk"),
    ]
}
