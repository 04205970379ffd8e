import Foundation
import Rules
import ServiceKit
import Testing

/// The operator settings file: absent → defaults; present → its keys over the defaults; broken → a
/// configuration error naming the key. The development file of `deploy/local/run` must load.
@Suite("Programme settings file")
struct ProgrammeSettingsFileTests {
    @Test("without the key the defaults apply")
    func defaults() throws {
        #expect(try ProgrammeSettingsFile.load([:]) == .defaults)
    }

    @Test("the development settings extend the period and the calendar to the demo's school year")
    func developmentFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let settings = try ProgrammeSettingsFile.load([ProgrammeSettingsFile.key: root.appendingPathComponent("deploy/local/programme-settings.json").path])
        #expect(settings.programmePeriod.plansUntil == CalendarDate(year: 2027, month: 12, day: 31))
        #expect(settings.dates(of: SemesterRef(schoolYear: 2026, number: .first))?.start == CalendarDate(year: 2026, month: 9, day: 1))
        #expect(settings.caps == ProgrammeSettings.defaults.caps, "keys the file does not name keep their defaults")
    }

    @Test("an unreadable or invalid file is a configuration error naming the key")
    func broken() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID()).json")
        try Data(#"{"programmePeriod":{"plansUntil":"31.12.2027"}}"#.utf8).write(to: file)
        #expect { try ProgrammeSettingsFile.load([ProgrammeSettingsFile.key: file.path]) } throws: { error in
            (error as? ConfigurationError)?.key == ProgrammeSettingsFile.key
        }
        #expect { try ProgrammeSettingsFile.load([ProgrammeSettingsFile.key: "/nonexistent/settings.json"]) } throws: { error in
            (error as? ConfigurationError)?.key == ProgrammeSettingsFile.key
        }
    }
}
