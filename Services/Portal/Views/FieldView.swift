import Foundation

/// One form field as the `field` partial draws it: label, hint, the messages that concern it,
/// and the control. Pure.
public struct FieldView {
    public enum Control {
        case input(type: String)
        case textarea
        case select([(value: String, label: String)])
        case checkbox(checked: Bool)
        /// Several checkboxes under one name (a fieldset with the label as its legend).
        case checkboxes([(value: String, label: String, checked: Bool)])
    }

    public var anchor: String
    public var name: String
    public var label: String
    public var hint: String?
    public var value: String
    public var control: Control
    public var autocompleteOff = false
    public var inputmode: String?

    public init(path: String, name: String? = nil, label: String, hint: String? = nil, value: String = "", control: Control = .input(type: "text")) {
        self.anchor = FieldErrors.anchor(path)
        self.name = name ?? path
        self.label = label
        self.hint = hint
        self.value = value
        self.control = control
    }

    /// The partial's context; `prefixes` are the hidden "Error:"/"Suggestion:" words for screen readers.
    public func context(_ errors: FieldErrors, prefixes: (error: String, warning: String)) -> [String: Any] {
        let messages = errors.messages(for: anchor)
        var describedBy: [String] = []
        if hint != nil { describedBy.append("\(anchor)-hint") }
        describedBy += messages.indices.map { "\(anchor)-message-\($0)" }
        var context: [String: Any] = [
            "anchor": anchor, "name": name, "label": label, "value": value,
            "invalid": messages.contains { $0.severity == "error" },
            "messages": messages.enumerated().map { index, entry in
                ["index": index, "message": entry.message, "severity": entry.severity,
                 "prefix": entry.severity == "error" ? prefixes.error : prefixes.warning] as [String: Any]
            },
        ]
        if let hint { context["hint"] = hint }
        if !describedBy.isEmpty { context["describedBy"] = describedBy.joined(separator: " ") }
        if autocompleteOff { context["autocompleteOff"] = true }
        if let inputmode { context["inputmode"] = inputmode }
        switch control {
        case .input(let type): context["input"] = true; context["inputType"] = type
        case .textarea: context["textarea"] = true
        case .select(let options):
            context["select"] = true
            context["options"] = options.map { ["value": $0.value, "label": $0.label, "selected": $0.value == value] as [String: Any] }
        case .checkbox(let checked): context["checkbox"] = true; context["checked"] = checked
        case .checkboxes(let boxes):
            context["checkboxes"] = true
            context["boxes"] = boxes.enumerated().map { index, box in
                ["id": "\(anchor)-\(index)", "value": box.value, "label": box.label, "checked": box.checked] as [String: Any]
            }
        }
        return context
    }
}

/// The error summary at the top of a form: every message, linking to its field (or to the
/// nearest thing on the page that exists).
public enum ErrorSummary {
    public static func context(_ errors: FieldErrors, anchors: Set<String>) -> [String: Any] {
        func target(_ anchor: String) -> String {
            var candidate = anchor
            while !anchors.contains(candidate) {
                guard let cut = candidate.lastIndex(of: "-") else { return "main" }
                candidate = String(candidate[..<cut])
            }
            return candidate
        }
        let errorsList = errors.entries.filter { $0.severity == "error" }.map { ["anchor": target($0.anchor), "message": $0.message] }
        let warnings = errors.entries.filter { $0.severity != "error" }.map { ["anchor": target($0.anchor), "message": $0.message] }
        return ["errorSummary": errorsList, "hasErrors": !errorsList.isEmpty, "warningSummary": warnings, "hasWarnings": !warnings.isEmpty]
    }
}
