/// Rules for each identified risk (seed 000 items 11, 12, 19, 20 and "Risku pamatojumi").
public enum RiskRules {
    /// Findings for every risk, in the plan's order.
    public static func check(_ facts: PlanFacts) -> [Finding] {
        var seen: Set<String> = []
        return facts.plan.risks.enumerated().flatMap { index, risk -> [Finding] in
            let path = "risks[\(index)]"
            let key = risk.code == .O01 ? "O01:\(VaguePhrases.normalizedWords(risk.otherName ?? "").joined(separator: " "))"
                                        : risk.code.rawValue
            var findings: [Finding] = []
            if !seen.insert(key).inserted {
                findings.append(.error(.riskDuplicate, "\(path).code",
                                       lv: "Risks \(risk.code.rawValue) plānā norādīts vairākkārt: apvienojiet pamatojumus vienā.",
                                       en: "Risk \(risk.code.rawValue) appears more than once: merge the justifications."))
            }
            if risk.code.needsName && (risk.otherName ?? "").isBlank {
                findings.append(.error(.riskOtherNameRequired, "\(path).otherName",
                                       lv: "Nosauciet citu identificēto risku (O01): kāds tieši ir risks?",
                                       en: "Name the other identified risk (O01): what exactly is the risk?"))
            }
            findings += level(risk, path: path)
            findings += justification(risk, path: path, settings: facts.settings)
            findings += subjects(risk, path: path)
            findings += evidence(risk, path: path, facts: facts)
            if !facts.plan.measures.contains(where: { $0.addresses.contains(risk.code) }) {
                findings.append(.error(.riskMeasureRequired, "\(path).measures",
                                       lv: "Riskam \(risk.code.rawValue) pievienojiet vismaz vienu atbalsta pasākumu.",
                                       en: "Add at least one support measure for risk \(risk.code.rawValue)."))
            }
            return findings
        }
    }

    /// Item 19: concrete, detailed, explaining why it is an early-leaving risk.
    public static func justification(_ risk: IdentifiedRisk, path: String, settings: ProgrammeSettings) -> [Finding] {
        let field = "\(path).justification"
        if risk.justification.isBlank {
            return [.error(.riskJustificationRequired, field,
                           lv: "Aprakstiet riska \(risk.code.rawValue) pamatojumu: kāpēc tas šim izglītojamam ir PMP risks.",
                           en: "Write the justification for risk \(risk.code.rawValue): why it is an early-leaving risk for this student.")]
        }
        let analysis = VaguePhrases.analyse(risk.justification, riskLabel: risk.code.label,
                                            extra: settings.additionalVaguePhrases)
        let minimum = settings.minimumJustificationWords
        let quoted = analysis.vaguePhrases.map { "“\($0)”" }.joined(separator: ", ")
        if analysis.concreteWords < minimum {
            if !analysis.vaguePhrases.isEmpty {
                return [.error(.riskJustificationVague, field,
                               lv: "Pamatojums ir pārāk vispārīgs (\(quoted)). Aprakstiet konkrēti, kā risks izpaužas, piemēram, “agresīvs nezināmās (skolēnam svešās) situācijās”.",
                               en: "The justification is too vague (\(quoted)). Describe concretely how the risk shows, e.g. “aggressive in unfamiliar situations”.")]
            }
            if analysis.repeatsRiskName {
                return [.error(.riskJustificationVague, field,
                               lv: "Pamatojums tikai atkārto riska nosaukumu. Aprakstiet konkrētu situāciju un kāpēc tā ir PMP risks.",
                               en: "The justification only repeats the risk's name. Describe the concrete situation and why it is a risk.")]
            }
            return [.error(.riskJustificationDetail, field,
                           lv: "Pamatojumā jābūt vismaz \(minimum) konkrētiem vārdiem (ir \(analysis.concreteWords)): kas notiek, cik bieži, kāpēc tas apdraud mācību turpināšanu.",
                           en: "The justification needs at least \(minimum) words of concrete detail (has \(analysis.concreteWords)): what happens, how often, why it threatens continued schooling.")]
        }
        if !analysis.vaguePhrases.isEmpty {
            return [.warning(.riskJustificationVague, field,
                             lv: "Aizstājiet vispārīgo formulējumu \(quoted) ar konkrētu aprakstu.",
                             en: "Replace the vague wording \(quoted) with a concrete description.")]
        }
        return []
    }

    /// Item 20: subjects and how the support helps, for L01–L04.
    static func subjects(_ risk: IdentifiedRisk, path: String) -> [Finding] {
        guard risk.code.needsSubjects else { return [] }
        var findings: [Finding] = []
        if risk.subjects.allSatisfy(\.isBlank) {
            findings.append(.error(.riskSubjectsRequired, "\(path).subjects",
                                   lv: "Riskam \(risk.code.rawValue) nosauciet mācību priekšmetus, kuros notiks konsultācijas.",
                                   en: "For risk \(risk.code.rawValue), name the subjects the consultations will cover."))
        }
        if risk.howSupportHelps.isBlank {
            findings.append(.error(.riskHowItHelpsRequired, "\(path).howSupportHelps",
                                   lv: "Riskam \(risk.code.rawValue) norādiet, kā konkrētais atbalsts novērsīs PMP risku.",
                                   en: "For risk \(risk.code.rawValue), say how the support will reduce the risk."))
        }
        return findings
    }

    /// "Nepieciešamie apliecinājumi": the documents each risk requires, attached to the plan
    /// (seed 000 item 7). The finding names the missing document, and a carried-forward one that
    /// no longer counts.
    static func evidence(_ risk: IdentifiedRisk, path: String, facts: PlanFacts) -> [Finding] {
        if case .documentIfIssued(let kind) = risk.code.evidence {
            guard !facts.documents.contains(kind) else { return [] }
            return [.warning(.riskEvidenceIfIssued, "\(path).evidence",
                             lv: "Riskam \(risk.code.rawValue) pievienojiet dokumentu “\(kind.label.lv)”, ja skola tādu izsniedz.",
                             en: "For risk \(risk.code.rawValue), attach the “\(kind.label.en)” if the school issues one.")]
        }
        let providers = facts.providers(addressing: risk.code)
        guard let needed = risk.code.evidence.documentsNeeded(providers: providers),
              needed.isDisjoint(with: facts.documents)
        else { return [] }
        let names = needed.sorted { $0.rawValue < $1.rawValue }
        let lv = names.map { "“\($0.label.lv)”" }.joined(separator: " vai ")
        let en = names.map { "“\($0.label.en)”" }.joined(separator: " or ")
        let expired = facts.expiredCarriedDocuments.filter { needed.contains($0.kind) }
            .sorted { ($0.uploadedOn, $0.kind.rawValue) < ($1.uploadedOn, $1.kind.rawValue) }.last
        let note = expired.map { document in
            let until = EvidenceValidity.lastValidDay(of: document, settings: facts.settings)
            return (" No iepriekšējā plāna pārnestais dokuments (augšupielādēts \(document.uploadedOn)) bija derīgs līdz \(until).",
                    " The document carried forward from the earlier plan (uploaded \(document.uploadedOn)) was valid until \(until).")
        } ?? ("", "")
        if case .documentIfProvider = risk.code.evidence {
            return [.error(.riskEvidenceMedicalStatement, "\(path).evidence",
                           lv: "Piesaistot ergoterapeitu vai asistentu riskam \(risk.code.rawValue), plānam pievienojiet dokumentu \(lv).\(note.0)",
                           en: "With an occupational therapist or assistant for risk \(risk.code.rawValue), attach to the plan: \(en).\(note.1)")]
        }
        return [.error(.riskEvidenceRequired, "\(path).evidence",
                       lv: "Riskam \(risk.code.rawValue) plānam nav pievienots dokuments \(lv): augšupielādējiet to.\(note.0)",
                       en: "Risk \(risk.code.rawValue) needs the document \(en) attached to the plan: upload it.\(note.1)")]
    }

    /// Item 12: every risk, at whatever level it shows, is recorded with its level.
    static func level(_ risk: IdentifiedRisk, path: String) -> [Finding] {
        guard risk.level == nil else { return [] }
        return [.error(.riskLevelRequired, "\(path).level",
                       lv: "Norādiet, cik izteikts ir risks \(risk.code.rawValue) (zems, vidējs vai augsts).",
                       en: "Say how strongly risk \(risk.code.rawValue) shows (low, medium or high).")]
    }
}
