import Foundation
import Hummingbird

extension Parameters {
    /// A UUID path parameter; an id that is not a UUID cannot name anything, so it is a 404.
    public func requireUUID(_ name: String) throws(ProblemDetails) -> UUID {
        guard let text = self.get(name), let id = UUID(uuidString: text) else { throw CommonProblems.notFound(name) }
        return id
    }
}
