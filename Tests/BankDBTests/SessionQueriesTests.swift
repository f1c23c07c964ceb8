import BankDB
import Foundation
import Testing

@Suite struct SessionQueriesTests {
    @Test func createThenGetReturnsTheSameSession() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let user = try await store.makeUser()
            let expiresAt = Date(timeIntervalSince1970: 1_900_000_000.123456)
            let session = try await store.makeSession(username: user.username, expiresAt: expiresAt)
            #expect(session.username == user.username)
            #expect(session.isBlocked == false)
            #expect(session.expiresAt == expiresAt)
            #expect(try await store.getSession(id: session.id) == session)
            #expect(try await store.getSession(id: UUID()) == nil)
        }
    }

    @Test func blockUserSessionsBlocksOnlyThatUsersActiveSessions() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let user = try await store.makeUser()
            let other = try await store.makeUser()
            let count = Int.random(in: 1...4)
            var sessions: [Session] = []
            for _ in 0..<count {
                sessions.append(try await store.makeSession(username: user.username))
            }
            let untouched = try await store.makeSession(username: other.username)
            #expect(try await store.blockUserSessions(username: user.username) == count)
            #expect(try await store.blockUserSessions(username: user.username) == 0)
            for session in sessions {
                #expect(try await store.getSession(id: session.id)?.isBlocked == true)
            }
            #expect(try await store.getSession(id: untouched.id) == untouched)
        }
    }

    @Test func aSessionForAMissingUserIsAForeignKeyViolation() async throws {
        try await BankTestDatabase.with { db in
            await #expect(throws: StoreError.foreignKeyViolation(constraint: "sessions_username_fkey")) {
                try await db.store().makeSession(username: RandomData.username())
            }
        }
    }

    @Test func aReusedSessionIDIsADuplicate() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let user = try await store.makeUser()
            let session = try await store.makeSession(username: user.username)
            await #expect(throws: StoreError.duplicate(constraint: "sessions_pkey")) {
                try await store.createSession(
                    CreateSessionParams(
                        id: session.id, username: user.username, refreshToken: "r", userAgent: "ua", clientIP: "::1", isBlocked: false,
                        expiresAt: Date()))
            }
        }
    }
}
