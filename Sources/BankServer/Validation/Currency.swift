/// The currencies an account may hold.
public enum Currency: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case usd = "USD"
    case eur = "EUR"
    case cad = "CAD"

    public var description: String { rawValue }
}
