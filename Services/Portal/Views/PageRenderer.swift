import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates (`Templates/*.mustache`: one layout, components as partials)
/// with the message catalogue of the page's language.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    public let messages: Messages
    /// Each language's strings with Mustache-friendly keys, built once (every page needs them).
    let tables: [String: [String: String]]

    public init(resourceDirectory: String) async throws {
        library = try await MustacheLibrary(directory: resourceDirectory + "/Templates")
        messages = try Messages.bundled(directory: resourceDirectory + "/Messages")
        var tables: [String: [String: String]] = [:]
        for language in Messages.languages {
            var table: [String: String] = [:]
            for (key, value) in messages.table(language) { table[key.replacingOccurrences(of: ".", with: "_")] = value }
            tables[language] = table
        }
        self.tables = tables
    }

    /// The portal's bundled resources (templates, messages, assets).
    public static var bundledResources: String {
        Bundle.module.resourcePath ?? Bundle.module.bundlePath
    }

    /// The strings of `language` with Mustache-friendly keys (`app.name` → `app_name`).
    public func strings(_ language: String) -> [String: String] {
        tables[language] ?? tables["lv"] ?? [:]
    }

    public func text(_ key: String, _ language: String, _ values: [String: String] = [:]) -> String {
        var text = messages.text(key, language)
        for (name, value) in values { text = text.replacingOccurrences(of: "{{\(name)}}", with: value) }
        return text
    }

    /// A whole page: `page` plus the language, strings and the layout's needs.
    public func render(_ template: String, _ page: [String: Any], language: String) -> String {
        var context = page
        context["lang"] = language
        context["t"] = strings(language)
        return library.render(context, withTemplate: template) ?? "<!DOCTYPE html><title>PuMPuRS</title><p>Template \(template) is missing.</p>"
    }

    public func response(_ template: String, _ page: [String: Any], language: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: render(template, page, language: language))))
    }
}
