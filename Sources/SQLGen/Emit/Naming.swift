/// Turns SQL names (`account_id`, `verify_emails`, `GetAccount`) into Swift identifiers following
/// the API design guidelines, with common initialisms kept upper case (`accountID`, `clientIP`).
public enum Naming {
    /// Words written all upper case inside an identifier (and all lower case at its start).
    public static let initialisms: Set<String> = ["id", "ip", "url", "uri", "uuid", "json", "sql", "http", "api", "db"]

    /// `account_id` → `accountID`, `GetAccount` → `getAccount`, `id` → `id`.
    /// The result is not escaped; see `SwiftKeywords.escape`.
    public static func lowerCamelCase(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "_" }
        let head = first.lowercased()
        let tail = parts.dropFirst().map(capitalize).joined()
        return prefixIfNeeded(head + tail)
    }

    /// `verify_email` → `VerifyEmail`, `api_key` → `APIKey`.
    public static func upperCamelCase(_ name: String) -> String {
        let parts = words(name)
        guard !parts.isEmpty else { return "_" }
        return prefixIfNeeded(parts.map(capitalize).joined())
    }

    /// Splits on anything that is not a letter or digit and on lower→upper case changes
    /// (`GetAccountByID` → get, account, by, id; `HTTPServer` → http, server).
    static func words(_ name: String) -> [String] {
        if let words = asciiWords(name) { return words }
        var result: [String] = []
        for chunk in name.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let characters = Array(chunk)
            var current = ""
            for (index, character) in characters.enumerated() {
                if !current.isEmpty, character.isUppercase {
                    let previous = characters[index - 1]
                    let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                    if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
                        result.append(current)
                        current = ""
                    }
                }
                current.append(character)
            }
            if !current.isEmpty { result.append(current) }
        }
        return result.map { $0.lowercased() }
    }

    /// `words` for an ASCII name (nearly every SQL name), on bytes: asking Unicode's tables about
    /// every character was most of the emitter's naming cost. Nil for any other name. Two ASCII
    /// bytes are two characters (CR LF, one character, separates words either way).
    private static func asciiWords(_ name: String) -> [String]? {
        let bytes = Array(name.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isUppercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isLowercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var result: [String] = []
        var word: [UInt8] = []
        func endWord() {
            guard !word.isEmpty else { return }
            result.append(String(decoding: word, as: UTF8.self))
            word.removeAll(keepingCapacity: true)
        }
        for (index, byte) in bytes.enumerated() {
            guard isUppercase(byte) || isLowercase(byte) || isDigit(byte) else {
                endWord()
                continue
            }
            // The same rule as for other names; `word` is not empty, so the byte before is in it.
            if !word.isEmpty, isUppercase(byte) {
                let previous = bytes[index - 1]
                let nextIsLower = index + 1 < bytes.count && isLowercase(bytes[index + 1])
                if isLowercase(previous) || isDigit(previous) || (isUppercase(previous) && nextIsLower) { endWord() }
            }
            word.append(isUppercase(byte) ? byte + (UInt8(ascii: "a") - UInt8(ascii: "A")) : byte)
        }
        endWord()
        return result
    }

    private static func capitalize(_ word: String) -> String {
        if initialisms.contains(word) { return word.uppercased() }
        // A lower-case ASCII letter followed by ASCII (a character of its own) needs no Unicode
        // case mapping: the words of ASCII names all start so.
        var bytes = Array(word.utf8)
        if bytes.count > 0, bytes[0] >= UInt8(ascii: "a"), bytes[0] <= UInt8(ascii: "z"), bytes.count == 1 || bytes[1] < 0x80 {
            bytes[0] -= UInt8(ascii: "a") - UInt8(ascii: "A")
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// Identifiers cannot start with a digit.
    private static func prefixIfNeeded(_ identifier: String) -> String {
        guard let first = identifier.first else { return "_" }
        return first.isNumber ? "_" + identifier : identifier
    }
}
