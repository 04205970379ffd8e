import Postgres
import ServiceKit
import Testing

@Suite("KitMigrations")
struct KitMigrationsTests {
    @Test("the kit's own migrations use versions 1…99, ascending and unique")
    func versions() {
        let versions = KitMigrations.all.map(\.version)
        #expect(!versions.isEmpty)
        #expect(versions.allSatisfy { (1..<100).contains($0) })
        #expect(versions == versions.sorted())
        #expect(Set(versions).count == versions.count)
    }

    @Test("the kit creates the outbox and the inbox")
    func tables() {
        let sql = KitMigrations.all.map(\.sql).joined(separator: "\n")
        #expect(sql.contains("CREATE TABLE outbox"))
        #expect(sql.contains("CREATE TABLE inbox"))
    }

    @Test("with(_:) puts the kit's migrations first, then the service's in their order")
    func kitFirst() {
        let service = [
            Migration(version: 100, name: "plans", sql: "CREATE TABLE plans (id uuid PRIMARY KEY);"),
            Migration(version: 101, name: "measures", sql: "CREATE TABLE measures (id uuid PRIMARY KEY);"),
        ]
        let all = KitMigrations.with(service)
        #expect(all == KitMigrations.all + service)
        #expect(Array(all.prefix(KitMigrations.all.count)) == KitMigrations.all)
        #expect(all.map(\.version) == all.map(\.version).sorted())
    }

    @Test("with no service migrations, just the kit's")
    func empty() {
        #expect(KitMigrations.with([]) == KitMigrations.all)
    }
}
