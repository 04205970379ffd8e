import Foundation
import Mustache

/// What an email is about.
enum MailKind: String, Sendable, CaseIterable {
    case approvalAwaiting = "approval_awaiting"
    case validationFailed = "validation_failed"
    case returned
    case approved
    case reviewRequested = "review_requested"
    case reminder
    case escalation
    case workLogSubmitted = "worklog_submitted"
    case workLogReturned = "worklog_returned"
    case payoutBatchReady = "payout_batch_ready"
    case staffPayeeChanged = "staff_payee_changed"
    case digest
}

/// The email templates (swift-mustache), Latvian and English, each with a subject, a plain-text
/// and an HTML part. Variables carry the plan's pseudonymous code and a link — never a student's
/// name or personal code (notifications never receive either). Text parts use `{{{…}}}` (no HTML
/// escaping), HTML parts `{{…}}` (escaped).
struct MailTemplates: Sendable {
    struct Parts: Sendable {
        var subject: MustacheTemplate
        var text: MustacheTemplate
        var html: MustacheTemplate
    }

    let templates: [String: Parts]

    init() throws {
        var templates: [String: Parts] = [:]
        for (key, source) in Self.sources {
            templates[key] = Parts(subject: try MustacheTemplate(string: source.0), text: try MustacheTemplate(string: source.1),
                                   html: try MustacheTemplate(string: Self.htmlFrame(source.2)))
        }
        self.templates = templates
    }

    /// Subject, text and HTML for `kind` in `language` (`lv` unless the person chose `en`).
    func render(_ kind: MailKind, language: String, _ values: [String: Any]) -> (subject: String, text: String, html: String) {
        let parts = templates["\(kind.rawValue).\(language == "en" ? "en" : "lv")"]!
        return (parts.subject.render(values).trimmingCharacters(in: .whitespacesAndNewlines), parts.text.render(values), parts.html.render(values))
    }

    static func htmlFrame(_ body: String) -> String {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">\(body)"
            + "<p style=\"color:#666;font-size:small\">PuMPuRS · IKVD</p></body></html>"
    }

    private static let footerLv = "\n--\nŠis ir automātisks PuMPuRS paziņojums. Izglītojamais norādīts tikai ar pseidonīmo kodu.\n"
    private static let footerEn = "\n--\nThis is an automatic PuMPuRS notice. The student is named by pseudonymous code only.\n"

    private static let securityFooterLv = "\n--\nŠis ir automātisks PuMPuRS drošības paziņojums. Konta numurs parādīts daļēji.\n"
    private static let securityFooterEn = "\n--\nThis is an automatic PuMPuRS security notice. The account number is shown in part only.\n"

    /// key → (subject, text, html body)
    static let sources: [String: (String, String, String)] = [
        "approval_awaiting.lv": ("IAP {{planCode}} gaida jūsu saskaņojumu",
            "Labdien, {{{recipientName}}}!\n\nIndividuālais atbalsta plāns {{{planCode}}} ({{{institutionName}}}, {{{semester}}}) gaida jūsu saskaņojumu ({{{levelLv}}}).\n{{#warnings}}Brīdinājums: {{{message}}}\n{{/warnings}}\nAtvērt: {{{link}}}\n" + footerLv,
            "<p>Labdien, {{recipientName}}!</p><p>Individuālais atbalsta plāns <b>{{planCode}}</b> ({{institutionName}}, {{semester}}) gaida jūsu saskaņojumu ({{levelLv}}).</p>{{#warnings}}<p>Brīdinājums: {{message}}</p>{{/warnings}}<p><a href=\"{{link}}\">Atvērt plānu</a></p>"),
        "approval_awaiting.en": ("Plan {{planCode}} awaits your approval",
            "Hello {{{recipientName}}},\n\nIndividual support plan {{{planCode}}} ({{{institutionName}}}, {{{semester}}}) awaits your approval ({{{levelEn}}}).\n{{#warnings}}Warning: {{{messageEn}}}\n{{/warnings}}\nOpen: {{{link}}}\n" + footerEn,
            "<p>Hello {{recipientName}},</p><p>Individual support plan <b>{{planCode}}</b> ({{institutionName}}, {{semester}}) awaits your approval ({{levelEn}}).</p>{{#warnings}}<p>Warning: {{messageEn}}</p>{{/warnings}}<p><a href=\"{{link}}\">Open the plan</a></p>"),
        "validation_failed.lv": ("IAP {{planCode}} neizturēja pārbaudi",
            "Labdien, {{{recipientName}}}!\n\nPlāns {{{planCode}}} neatbilst programmas noteikumiem. Izlabojiet un iesniedziet vēlreiz:\n{{#reasons}}- {{{field}}}: {{{message}}}\n{{/reasons}}\nAtvērt: {{{link}}}\n" + footerLv,
            "<p>Labdien, {{recipientName}}!</p><p>Plāns <b>{{planCode}}</b> neatbilst programmas noteikumiem. Izlabojiet un iesniedziet vēlreiz:</p><ul>{{#reasons}}<li><code>{{field}}</code>: {{message}}</li>{{/reasons}}</ul><p><a href=\"{{link}}\">Atvērt plānu</a></p>"),
        "validation_failed.en": ("Plan {{planCode}} failed validation",
            "Hello {{{recipientName}}},\n\nPlan {{{planCode}}} does not follow the programme rules. Fix and submit again:\n{{#reasons}}- {{{field}}}: {{{messageEn}}}\n{{/reasons}}\nOpen: {{{link}}}\n" + footerEn,
            "<p>Hello {{recipientName}},</p><p>Plan <b>{{planCode}}</b> does not follow the programme rules. Fix and submit again:</p><ul>{{#reasons}}<li><code>{{field}}</code>: {{messageEn}}</li>{{/reasons}}</ul><p><a href=\"{{link}}\">Open the plan</a></p>"),
        "returned.lv": ("IAP {{planCode}} atgriezts labošanai",
            "Labdien, {{{recipientName}}}!\n\nPlāns {{{planCode}}} atgriezts labošanai ({{{levelLv}}}). Komentārs:\n{{{comment}}}\n\nAtvērt: {{{link}}}\n" + footerLv,
            "<p>Labdien, {{recipientName}}!</p><p>Plāns <b>{{planCode}}</b> atgriezts labošanai ({{levelLv}}). Komentārs:</p><blockquote>{{comment}}</blockquote><p><a href=\"{{link}}\">Atvērt plānu</a></p>"),
        "returned.en": ("Plan {{planCode}} was returned for revision",
            "Hello {{{recipientName}}},\n\nPlan {{{planCode}}} was returned for revision ({{{levelEn}}}). Comment:\n{{{comment}}}\n\nOpen: {{{link}}}\n" + footerEn,
            "<p>Hello {{recipientName}},</p><p>Plan <b>{{planCode}}</b> was returned for revision ({{levelEn}}). Comment:</p><blockquote>{{comment}}</blockquote><p><a href=\"{{link}}\">Open the plan</a></p>"),
        "approved.lv": ("IAP {{planCode}} apstiprināts",
            "Labdien, {{{recipientName}}}!\n\nPlāns {{{planCode}}} ({{{institutionName}}}, {{{semester}}}) ir apstiprināts visos līmeņos. Atbalstu var sniegt.\n\nAtvērt: {{{link}}}\n" + footerLv,
            "<p>Labdien, {{recipientName}}!</p><p>Plāns <b>{{planCode}}</b> ({{institutionName}}, {{semester}}) ir apstiprināts visos līmeņos. Atbalstu var sniegt.</p><p><a href=\"{{link}}\">Atvērt plānu</a></p>"),
        "approved.en": ("Plan {{planCode}} approved",
            "Hello {{{recipientName}}},\n\nPlan {{{planCode}}} ({{{institutionName}}}, {{{semester}}}) is approved at every level. Support may be delivered.\n\nOpen: {{{link}}}\n" + footerEn,
            "<p>Hello {{recipientName}},</p><p>Plan <b>{{planCode}}</b> ({{institutionName}}, {{semester}}) is approved at every level. Support may be delivered.</p><p><a href=\"{{link}}\">Open the plan</a></p>"),
        "review_requested.lv": ("IAP {{planCode}} jāpārskata",
            "Labdien, {{{recipientName}}}!\n\nApstiprinātajam plānam {{{planCode}}} pieprasīta pārskatīšana. {{{comment}}}\nPēc izmaiņām to saskaņos atkārtoti visos līmeņos.\n\nAtvērt: {{{link}}}\n" + footerLv,
            "<p>Labdien, {{recipientName}}!</p><p>Apstiprinātajam plānam <b>{{planCode}}</b> pieprasīta pārskatīšana. {{comment}}</p><p><a href=\"{{link}}\">Atvērt plānu</a></p>"),
        "review_requested.en": ("Plan {{planCode}} needs a review",
            "Hello {{{recipientName}}},\n\nA review of approved plan {{{planCode}}} was requested. {{{comment}}}\nAfter the change it is approved again at every level.\n\nOpen: {{{link}}}\n" + footerEn,
            "<p>Hello {{recipientName}},</p><p>A review of approved plan <b>{{planCode}}</b> was requested. {{comment}}</p><p><a href=\"{{link}}\">Open the plan</a></p>"),
        "reminder.lv": ("Atgādinājums: IAP {{planCode}} gaida {{days}} dienas",
            "Labdien, {{{recipientName}}}!\n\nPlāns {{{planCode}}} jau {{{days}}} dienas gaida saskaņojumu ({{{levelLv}}}).\n\nAtvērt: {{{link}}}\n" + footerLv,
            "<p>Labdien, {{recipientName}}!</p><p>Plāns <b>{{planCode}}</b> jau {{days}} dienas gaida saskaņojumu ({{levelLv}}).</p><p><a href=\"{{link}}\">Atvērt plānu</a></p>"),
        "reminder.en": ("Reminder: plan {{planCode}} has waited {{days}} days",
            "Hello {{{recipientName}}},\n\nPlan {{{planCode}}} has waited {{{days}}} days for approval ({{{levelEn}}}).\n\nOpen: {{{link}}}\n" + footerEn,
            "<p>Hello {{recipientName}},</p><p>Plan <b>{{planCode}}</b> has waited {{days}} days for approval ({{levelEn}}).</p><p><a href=\"{{link}}\">Open the plan</a></p>"),
        "escalation.lv": ("Eskalācija: IAP {{planCode}} gaida {{days}} dienas",
            "Labdien, {{{recipientName}}}!\n\nPlāns {{{planCode}}} ({{{institutionName}}}) jau {{{days}}} dienas gaida saskaņojumu ({{{levelLv}}}). Lūdzu, pārliecinieties, ka tas tiek izskatīts.\n\nAtvērt: {{{link}}}\n" + footerLv,
            "<p>Labdien, {{recipientName}}!</p><p>Plāns <b>{{planCode}}</b> ({{institutionName}}) jau {{days}} dienas gaida saskaņojumu ({{levelLv}}). Lūdzu, pārliecinieties, ka tas tiek izskatīts.</p><p><a href=\"{{link}}\">Atvērt plānu</a></p>"),
        "escalation.en": ("Escalation: plan {{planCode}} has waited {{days}} days",
            "Hello {{{recipientName}}},\n\nPlan {{{planCode}}} ({{{institutionName}}}) has waited {{{days}}} days for approval ({{{levelEn}}}). Please make sure it is dealt with.\n\nOpen: {{{link}}}\n" + footerEn,
            "<p>Hello {{recipientName}},</p><p>Plan <b>{{planCode}}</b> ({{institutionName}}) has waited {{days}} days for approval ({{levelEn}}). Please make sure it is dealt with.</p><p><a href=\"{{link}}\">Open the plan</a></p>"),
        "worklog_submitted.lv": ("Darba laika uzskaite ({{month}}) gaida apstiprinājumu",
            "Labdien, {{{recipientName}}}!\n\n{{{personName}}} iesniedza darba laika uzskaiti par {{{month}}}. Lūdzu, apstipriniet vai atgrieziet to.\n\nAtvērt: {{{link}}}\n" + footerLv,
            "<p>Labdien, {{recipientName}}!</p><p>{{personName}} iesniedza darba laika uzskaiti par {{month}}. Lūdzu, apstipriniet vai atgrieziet to.</p><p><a href=\"{{link}}\">Atvērt</a></p>"),
        "worklog_submitted.en": ("Work record ({{month}}) awaits approval",
            "Hello {{{recipientName}}},\n\n{{{personName}}} submitted the work record for {{{month}}}. Please approve or return it.\n\nOpen: {{{link}}}\n" + footerEn,
            "<p>Hello {{recipientName}},</p><p>{{personName}} submitted the work record for {{month}}. Please approve or return it.</p><p><a href=\"{{link}}\">Open</a></p>"),
        "worklog_returned.lv": ("Darba laika uzskaite ({{month}}) atgriezta",
            "Labdien, {{{recipientName}}}!\n\nJūsu darba laika uzskaite par {{{month}}} atgriezta labošanai. Komentārs:\n{{{comment}}}\n\nAtvērt: {{{link}}}\n" + footerLv,
            "<p>Labdien, {{recipientName}}!</p><p>Jūsu darba laika uzskaite par {{month}} atgriezta labošanai. Komentārs:</p><blockquote>{{comment}}</blockquote><p><a href=\"{{link}}\">Atvērt</a></p>"),
        "worklog_returned.en": ("Work record ({{month}}) returned",
            "Hello {{{recipientName}}},\n\nYour work record for {{{month}}} was returned for revision. Comment:\n{{{comment}}}\n\nOpen: {{{link}}}\n" + footerEn,
            "<p>Hello {{recipientName}},</p><p>Your work record for {{month}} was returned for revision. Comment:</p><blockquote>{{comment}}</blockquote><p><a href=\"{{link}}\">Open</a></p>"),
        "payout_batch_ready.lv": ("Izmaksu pakete {{period}} gatava",
            "Labdien, {{{recipientName}}}!\n\nIzmaksu pakete par {{{period}}} ir gatava: {{{count}}} maksājumi, kopā {{{total}}} EUR.\n\nAtvērt: {{{link}}}\n" + footerLv,
            "<p>Labdien, {{recipientName}}!</p><p>Izmaksu pakete par {{period}} ir gatava: {{count}} maksājumi, kopā {{total}} EUR.</p><p><a href=\"{{link}}\">Atvērt</a></p>"),
        "payout_batch_ready.en": ("Payout batch {{period}} is ready",
            "Hello {{{recipientName}}},\n\nThe payout batch for {{{period}}} is ready: {{{count}}} payments, {{{total}}} EUR in total.\n\nOpen: {{{link}}}\n" + footerEn,
            "<p>Hello {{recipientName}},</p><p>The payout batch for {{period}} is ready: {{count}} payments, {{total}} EUR in total.</p><p><a href=\"{{link}}\">Open</a></p>"),
        "staff_payee_changed.lv": ("{{#firstTime}}Reģistrēts jūsu bankas konts atlīdzībai{{/firstTime}}{{^firstTime}}Mainīts jūsu bankas konts atlīdzībai{{/firstTime}}",
            "Labdien, {{{recipientName}}}!\n\n{{#firstTime}}Reģistrēts jūsu bankas konts, uz kuru PuMPuRS izmaksā jūsu atlīdzību: {{{newIban}}}.{{/firstTime}}{{^firstTime}}Mainīts jūsu bankas konts, uz kuru PuMPuRS izmaksā jūsu atlīdzību: bija {{{oldIban}}}, tagad {{{newIban}}}.{{/firstTime}}\nLaiks (UTC): {{{changedAt}}}. {{#byFinance}}Izmaiņas veica finanšu nodaļa, un tās apstiprināja otrs finanšu darbinieks.{{/byFinance}}{{^byFinance}}Izmaiņas veiktas ar jūsu pieteikšanos.{{/byFinance}}\n{{#releaseFrom}}Aizturētā atlīdzība uz šo kontu tiks izmaksāta ne agrāk kā {{{releaseFrom}}} (UTC).\n{{/releaseFrom}}\nJa to neesat darījis jūs, nekavējoties sazinieties ar IKVD finanšu nodaļu: tad izmaksu uz šo kontu var apturēt.\n" + securityFooterLv,
            "<p>Labdien, {{recipientName}}!</p><p>{{#firstTime}}Reģistrēts jūsu bankas konts, uz kuru PuMPuRS izmaksā jūsu atlīdzību: <b>{{newIban}}</b>.{{/firstTime}}{{^firstTime}}Mainīts jūsu bankas konts, uz kuru PuMPuRS izmaksā jūsu atlīdzību: bija {{oldIban}}, tagad <b>{{newIban}}</b>.{{/firstTime}}</p><p>Laiks (UTC): {{changedAt}}. {{#byFinance}}Izmaiņas veica finanšu nodaļa, un tās apstiprināja otrs finanšu darbinieks.{{/byFinance}}{{^byFinance}}Izmaiņas veiktas ar jūsu pieteikšanos.{{/byFinance}}</p>{{#releaseFrom}}<p>Aizturētā atlīdzība uz šo kontu tiks izmaksāta ne agrāk kā {{releaseFrom}} (UTC).</p>{{/releaseFrom}}<p><b>Ja to neesat darījis jūs, nekavējoties sazinieties ar IKVD finanšu nodaļu</b>: tad izmaksu uz šo kontu var apturēt.</p>"),
        "staff_payee_changed.en": ("{{#firstTime}}Your bank account for your pay was registered{{/firstTime}}{{^firstTime}}Your bank account for your pay was changed{{/firstTime}}",
            "Hello {{{recipientName}}},\n\n{{#firstTime}}A bank account was registered for the pay PuMPuRS makes to you: {{{newIban}}}.{{/firstTime}}{{^firstTime}}The bank account for the pay PuMPuRS makes to you was changed: it was {{{oldIban}}}, it is now {{{newIban}}}.{{/firstTime}}\nTime (UTC): {{{changedAt}}}. {{#byFinance}}The change was made by finance and confirmed by a second finance officer.{{/byFinance}}{{^byFinance}}The change was made with your sign-in.{{/byFinance}}\n{{#releaseFrom}}Held pay goes to this account no earlier than {{{releaseFrom}}} (UTC).\n{{/releaseFrom}}\nIf this was not you, contact IKVD finance at once: the payment to this account can then be stopped.\n" + securityFooterEn,
            "<p>Hello {{recipientName}},</p><p>{{#firstTime}}A bank account was registered for the pay PuMPuRS makes to you: <b>{{newIban}}</b>.{{/firstTime}}{{^firstTime}}The bank account for the pay PuMPuRS makes to you was changed: it was {{oldIban}}, it is now <b>{{newIban}}</b>.{{/firstTime}}</p><p>Time (UTC): {{changedAt}}. {{#byFinance}}The change was made by finance and confirmed by a second finance officer.{{/byFinance}}{{^byFinance}}The change was made with your sign-in.{{/byFinance}}</p>{{#releaseFrom}}<p>Held pay goes to this account no earlier than {{releaseFrom}} (UTC).</p>{{/releaseFrom}}<p><b>If this was not you, contact IKVD finance at once</b>: the payment to this account can then be stopped.</p>"),
        "digest.lv": ("Jūsu saskaņojumu gaida {{count}} IAP",
            "Labdien, {{{recipientName}}}!\n\nJūsu saskaņojumu gaida {{{count}}} individuālie atbalsta plāni:\n{{#items}}- {{{.}}}\n{{/items}}\nAtvērt rindu: {{{link}}}\n" + footerLv,
            "<p>Labdien, {{recipientName}}!</p><p>Jūsu saskaņojumu gaida {{count}} individuālie atbalsta plāni:</p><ul>{{#items}}<li>{{.}}</li>{{/items}}</ul><p><a href=\"{{link}}\">Atvērt rindu</a></p>"),
        "digest.en": ("{{count}} plans await your approval",
            "Hello {{{recipientName}}},\n\n{{{count}}} individual support plans await your approval:\n{{#items}}- {{{.}}}\n{{/items}}\nOpen the queue: {{{link}}}\n" + footerEn,
            "<p>Hello {{recipientName}},</p><p>{{count}} individual support plans await your approval:</p><ul>{{#items}}<li>{{.}}</li>{{/items}}</ul><p><a href=\"{{link}}\">Open the queue</a></p>"),
    ]
}
