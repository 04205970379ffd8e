import Contracts
import Foundation
import Hummingbird
import HTTPTypes

/// The flow a request belongs to: the caller's `X-Correlation-Id` when it is a UUID, else a new
/// one. It goes into audit rows and into the envelopes of the events the request causes.
public enum RequestCorrelation {
    /// The header's name.
    public static let header = HTTPField.Name("X-Correlation-Id")!

    /// The correlation id for `request`.
    public static func id(of request: Request) -> UUID {
        request.headers[header].flatMap(UUID.init(uuidString:)) ?? UUID.timeOrdered()
    }
}
