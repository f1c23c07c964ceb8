/// Random codes for email verification links.
enum SecretCode {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// `length` letters and digits from the operating system's cryptographically secure generator;
    /// `randomElement(using:)` draws without modulo bias, so each character carries log2(62) bits.
    static func make(length: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
