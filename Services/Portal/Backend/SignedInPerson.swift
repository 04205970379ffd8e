import Foundation

/// Who is signed in, as the directory says *now* (read from intake on every request, so a
/// revoked role is gone at the next click).
public struct SignedInPerson: Codable, Sendable, Equatable {
    public struct Scope: Codable, Sendable, Equatable {
        public var kind: String
        public var id: UUID?
        public var region: String?
    }

    public struct Role: Codable, Sendable, Equatable {
        public var assignmentId: UUID
        public var role: String
        public var scope: Scope
        public var placeName: String?
    }

    public var personId: UUID
    public var name: String
    public var email: String
    public var language: String
    public var roles: [Role]

    /// The role the session chose, if the person still holds it; else their first role.
    public func current(_ chosen: UUID?) -> Role? {
        roles.first { $0.assignmentId == chosen } ?? roles.first
    }
}
