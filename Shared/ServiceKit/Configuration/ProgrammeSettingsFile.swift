import Foundation
import Rules

/// The programme's operator settings (caps, limits, calendar, programme period) for every
/// service that applies the rules: `PUMPURS_PROGRAMME_SETTINGS_FILE` names a JSON file whose keys
/// override the rules library's defaults (absent keys keep them); without it, the defaults.
public enum ProgrammeSettingsFile {
    /// The environment key.
    public static let key = "PUMPURS_PROGRAMME_SETTINGS_FILE"

    /// The settings in force, or a configuration error naming the key.
    public static func load(_ environment: [String: String]) throws -> ProgrammeSettings {
        guard let path = environment[key], !path.isEmpty else { return .defaults }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(key: key, message: "cannot read \(path)")
        }
        do {
            return try JSONDecoder().decode(ProgrammeSettings.self, from: data)
        } catch {
            throw ConfigurationError(key: key, message: "\(path) is not valid settings JSON (\(error))")
        }
    }
}
