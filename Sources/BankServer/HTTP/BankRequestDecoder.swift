import Foundation
import Hummingbird
import NIOCore

/// Decodes JSON request bodies for ``BankRequestContext`` (`request.decode(as:context:)`), and
/// turns every way that can fail into a problem response the client can act on:
///
/// - a `Content-Type` other than `application/json` (parameters such as `charset` allowed) → 415;
/// - a body larger than the context's `maxUploadSize` → 413, before reading it when
///   `Content-Length` already says so;
/// - invalid JSON, a missing field, a `null`, a value of the wrong type → 400 naming the field
///   in snake_case, without Foundation's internal wording or Swift type names.
public struct BankRequestDecoder: RequestDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        guard Self.isJSON(request.headers[.contentType]) else {
            throw APIError.unsupportedMediaType()
        }
        let limit = context.maxUploadSize
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError.contentTooLarge(limit: limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.contentTooLarge(limit: limit)
        }
        do {
            return try BankJSON.makeDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError.badRequest(Self.describe(error))
        }
    }

    /// Whether a `Content-Type` value is `application/json`, ignoring case and parameters.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        // What nearly every client sends, without the splitting, trimming and lower-casing below:
        // they were 1% of the server's CPU per POST /transfers in a profile under load.
        if contentType == "application/json" { return true }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return mediaType.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }

    /// A client-facing sentence for a decoding failure.
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field `\(path(context.codingPath + [key]))`"
        case .valueNotFound(_, let context):
            return context.codingPath.isEmpty ? "request body must not be null" : "field `\(path(context.codingPath))` must not be null"
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty { return "request body must be \(jsonKind(of: type))" }
            return "field `\(path(context.codingPath))` must be \(jsonKind(of: type))"
        case .dataCorrupted(let context):
            // At the top level this is malformed JSON; further down, a value its type refused
            // (an unknown enum case, a bad date or UUID).
            return context.codingPath.isEmpty ? "request body is not valid JSON" : "field `\(path(context.codingPath))` has an invalid value"
        @unknown default:
            return "request body is invalid"
        }
    }

    /// `transfer.from_account_id`, `items[2].name`: the path as the client wrote it.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + snakeCase(key.stringValue)
            }
        }
        return text
    }

    /// `fromAccountID` → `from_account_id`, like `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`.
    static func snakeCase(_ key: String) -> String {
        let characters = Array(key)
        var output = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
                    output.append("_")
                }
            }
            output += character.lowercased()
        }
        return output
    }

    /// "a string", "a number"…: JSON's vocabulary rather than Swift's type names.
    static func jsonKind(of type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type, is Character.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is any BinaryInteger.Type: return "an integer"
        case is any BinaryFloatingPoint.Type, is Decimal.Type: return "a number"
        case is [Any].Type: return "an array"
        case is [String: Any].Type: return "an object"
        default:
            // Foundation reports keyed containers as Dictionary<String, Any> and unkeyed ones
            // as Array<Any>; anything else is some other JSON value.
            let name = String(describing: type)
            if name.hasPrefix("Dictionary") { return "an object" }
            if name.hasPrefix("Array") { return "an array" }
            return "a different kind of value"
        }
    }
}
