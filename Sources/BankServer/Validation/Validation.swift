import Hummingbird

/// The API's input rules (openapi.yaml's request schemas, the reference system's binding rules).
/// Each check returns the value (converted where useful) or throws a 400 ``APIError`` whose
/// detail names the field as the client wrote it, e.g. `username must be 3 to 100 characters of a-z, 0-9 and _`.
///
/// ```swift
/// let username = try Validation.username(body.username)
/// let currency = try Validation.currency(body.currency)
/// let id = try Validation.id(parameter: "id", in: context.parameters)
/// ```
public enum Validation {
    /// `[a-z0-9_]{3,100}`.
    @discardableResult
    public static func username(_ value: String, field: String = "username") throws(APIError) -> String {
        let allowed = value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard allowed, (3...100).contains(value.unicodeScalars.count) else {
            throw .badRequest("\(field) must be 3 to 100 characters of a-z, 0-9 and _")
        }
        return value
    }

    /// 6…100 characters (Unicode code points, as openapi.yaml's `minLength`/`maxLength` count
    /// them); anything but NUL is the user's choice.
    @discardableResult
    public static func password(_ value: String, field: String = "password") throws(APIError) -> String {
        guard (6...100).contains(value.unicodeScalars.count) else {
            throw .badRequest("\(field) must be 6 to 100 characters")
        }
        // Bcrypt works on C strings: everything after a NUL would be silently ignored.
        guard !value.unicodeScalars.contains("\u{0}") else {
            throw .badRequest("\(field) must not contain NUL characters")
        }
        return value
    }

    /// 3…100 Unicode code points, each a letter of any script (general category L) or a space,
    /// not only spaces: openapi.yaml's `^[\p{L} ]*\p{L}[\p{L} ]*$` with its lengths. Code points
    /// rather than Swift's characters, so that the server and the schema count alike (a
    /// combining accent is a mark, not a letter).
    @discardableResult
    public static func fullName(_ value: String, field: String = "full_name") throws(APIError) -> String {
        let scalars = value.unicodeScalars
        let allowed = scalars.allSatisfy { $0 == " " || isLetter($0) }
        guard allowed, (3...100).contains(scalars.count), scalars.contains(where: isLetter) else {
            throw .badRequest("\(field) must be 3 to 100 characters of letters and spaces")
        }
        return value
    }

    /// At most 200 characters, `local@domain` where the domain has a dot between labels, no
    /// spaces or control characters. Deliberately not RFC 5322 in full: the real check is the
    /// verification email.
    @discardableResult
    public static func email(_ value: String, field: String = "email") throws(APIError) -> String {
        guard (3...200).contains(value.unicodeScalars.count), isPlausibleEmail(value) else {
            throw .badRequest("\(field) must be a valid email address of at most 200 characters")
        }
        return value
    }

    /// USD, EUR or CAD (upper case, exactly).
    public static func currency(_ value: String, field: String = "currency") throws(APIError) -> Currency {
        guard let currency = Currency(rawValue: value) else {
            let names = Currency.allCases.map(\.rawValue).joined(separator: ", ")
            throw .badRequest("\(field) must be one of \(names)")
        }
        return currency
    }

    /// A database id: at least 1.
    @discardableResult
    public static func id(_ value: Int64, field: String = "id") throws(APIError) -> Int64 {
        guard value >= 1 else { throw .badRequest("\(field) must be at least 1") }
        return value
    }

    /// A database id from a path parameter (`/accounts/:id`): an integer, at least 1.
    /// Hummingbird's own `require(_:as:)` would answer with a message naming a Swift type.
    public static func id(parameter name: String, in parameters: Parameters) throws(APIError) -> Int64 {
        guard let text = parameters.get(name), let value = Int64(text) else {
            throw .badRequest("\(name) must be an integer")
        }
        return try id(value, field: name)
    }

    /// A positive amount of money in minor units.
    @discardableResult
    public static func amount(_ value: Int64, field: String = "amount") throws(APIError) -> Int64 {
        guard value >= 1 else { throw .badRequest("\(field) must be greater than 0") }
        return value
    }

    /// A page number: at least 1.
    @discardableResult
    public static func pageID(_ value: Int, field: String = "page_id") throws(APIError) -> Int {
        guard value >= 1 else { throw .badRequest("\(field) must be at least 1") }
        return value
    }

    /// A page size: 5…10.
    @discardableResult
    public static func pageSize(_ value: Int, field: String = "page_size") throws(APIError) -> Int {
        guard (5...10).contains(value) else { throw .badRequest("\(field) must be between 5 and 10") }
        return value
    }

    /// General category L: Lu, Ll, Lt, Lm or Lo.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    private static func isPlausibleEmail(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        guard !scalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) else { return false }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        guard !local.isEmpty, local.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}
