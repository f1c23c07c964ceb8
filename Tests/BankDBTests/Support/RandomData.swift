import BankDB
import Foundation

/// Random values for test rows, so tests do not depend on fixed names and each run covers other data.
enum RandomData {
    static let currencies = ["USD", "EUR", "CAD"]
    private static let lowercase = Array("abcdefghijklmnopqrstuvwxyz")
    private static let alphanumerics = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    /// `length` lowercase letters.
    static func string(_ length: Int) -> String {
        String((0..<length).map { _ in lowercase.randomElement()! })
    }

    /// A valid username (`[a-z0-9_]{3,100}`), unique enough for one test database.
    static func username() -> String {
        "u_" + String((0..<12).map { _ in alphanumerics.randomElement()! })
    }

    /// An account owner is a username.
    static func owner() -> String { username() }

    static func email() -> String { "\(string(10))@\(string(6)).example" }

    static func fullName() -> String { "\(string(6).capitalized) \(string(8).capitalized)" }

    static func currency() -> String { currencies.randomElement()! }

    /// A starting balance.
    static func money() -> Int64 { Int64.random(in: 0...1_000) }

    /// A positive transfer amount.
    static func amount() -> Int64 { Int64.random(in: 1...100) }
}
