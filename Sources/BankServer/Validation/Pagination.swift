import Hummingbird

/// `?page_id=&page_size=` of a list endpoint, validated (page_id ≥ 1, page_size 5…10) and turned
/// into the `LIMIT`/`OFFSET` a list query takes.
///
/// ```swift
/// let page = try Pagination(query: request.uri.queryParameters)
/// let accounts = try await queries.listAccounts(owner: user, limit: page.limit, offset: page.offset)
/// ```
public struct Pagination: Sendable, Hashable {
    /// 1-based page number.
    public let pageID: Int
    /// Items per page.
    public let pageSize: Int

    /// - Throws: ``APIError`` 400 naming the parameter.
    public init(pageID: Int, pageSize: Int) throws(APIError) {
        self.pageID = try Validation.pageID(pageID)
        self.pageSize = try Validation.pageSize(pageSize)
    }

    /// Reads both parameters (required) from a query string.
    ///
    /// - Throws: ``APIError`` 400 naming the missing or invalid parameter.
    public init(query: Parameters) throws(APIError) {
        try self.init(pageID: Self.integer(query, "page_id"), pageSize: Self.integer(query, "page_size"))
    }

    /// `LIMIT`.
    public var limit: Int64 { Int64(pageSize) }
    /// `OFFSET`: the rows of the previous pages; past the largest offset PostgreSQL takes, that
    /// largest one (an empty page) rather than an overflow.
    public var offset: Int64 {
        let (rows, overflow) = Int64(pageID - 1).multipliedReportingOverflow(by: Int64(pageSize))
        return overflow ? Int64.max : rows
    }

    private static func integer(_ query: Parameters, _ name: String) throws(APIError) -> Int {
        guard let text = query.get(name) else { throw .badRequest("\(name) is required") }
        guard let value = Int(text) else { throw .badRequest("\(name) must be an integer") }
        return value
    }
}
