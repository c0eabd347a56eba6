import QuorumStore
import Testing

@Suite struct DatabaseURLTests {
    @Test func readsSQLitePaths() throws {
        #expect(try DatabaseURL("sqlite:///./quorum.sqlite") == .sqlite(path: "./quorum.sqlite"))
        #expect(try DatabaseURL("sqlite:///data/q.sqlite") == .sqlite(path: "data/q.sqlite"))
        #expect(try DatabaseURL("sqlite:////var/lib/quorum/q.sqlite") == .sqlite(path: "/var/lib/quorum/q.sqlite"))
    }

    @Test func readsPostgresURLsAndTheirSchema() throws {
        #expect(try DatabaseURL("postgres://q:pw@db:5432/quorum") == .postgres(url: "postgres://q:pw@db:5432/quorum", schema: nil))
        #expect(
            try DatabaseURL("postgresql://q@localhost/quorum?sslmode=disable&schema=qingdao")
                == .postgres(url: "postgresql://q@localhost/quorum?sslmode=disable", schema: "qingdao"))
    }

    @Test func hidesThePassword() throws {
        #expect(try DatabaseURL("postgres://q:secret@db/quorum").description == "postgres://q:***@db/quorum")
    }

    @Test func refusesOtherURLs() {
        for text in ["quorum.sqlite", "sqlite://", "mysql://u@h/d", "postgres://hostonly/db"] {
            #expect(throws: DatabaseURL.Invalid.self) { try DatabaseURL(text) }
        }
    }

    @Test func theOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() throws {
        let environment = ["QUORUM_DATABASE_URL": "sqlite:///env.sqlite"]
        #expect(try DatabaseURL.resolve(option: "sqlite:///opt.sqlite", environment: environment) == .sqlite(path: "opt.sqlite"))
        #expect(try DatabaseURL.resolve(option: nil, environment: environment) == .sqlite(path: "env.sqlite"))
        #expect(try DatabaseURL.resolve(option: nil, environment: [:]) == .sqlite(path: "./quorum.sqlite"))
    }
}
