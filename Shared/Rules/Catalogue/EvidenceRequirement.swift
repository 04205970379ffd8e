/// What a risk needs as evidence beyond its written justification (seed 000, third column of
/// "Risku pamatojumi").
public enum EvidenceRequirement: Sendable, Hashable {
    /// The detailed description in the justification is the evidence.
    case descriptionOnly
    /// This document must be attached.
    case document(EvidenceKind)
    /// At least one of these documents must be attached.
    case anyOf([EvidenceKind])
    /// "Description and/or staff report": the justification alone satisfies it; the
    /// document is welcome but optional.
    case descriptionOrDocument(EvidenceKind)
    /// The document is needed only if a measure for this risk involves one of the providers.
    case documentIfProvider(EvidenceKind, providers: Set<ProviderType>)
    /// "As the risk requires" (O01): the preparer decides; nothing is enforced.
    case asTheRiskRequires

    /// The documents that, attached, satisfy this requirement given the providers involved;
    /// `nil` when no document is needed.
    public func documentsNeeded(providers: Set<ProviderType>) -> Set<EvidenceKind>? {
        switch self {
        case .descriptionOnly, .descriptionOrDocument, .asTheRiskRequires: nil
        case .document(let kind): [kind]
        case .anyOf(let kinds): Set(kinds)
        case .documentIfProvider(let kind, let triggering):
            providers.isDisjoint(with: triggering) ? nil : [kind]
        }
    }
}
