import BankDB
import Hummingbird

/// `POST /transfers`: the transfer, both entries and both accounts right after it.
public struct TransferResultResponse: Codable, Sendable, Equatable, ResponseEncodable {
    public var transfer: TransferResponse
    public var fromAccount: AccountResponse
    public var toAccount: AccountResponse
    public var fromEntry: EntryResponse
    public var toEntry: EntryResponse

    public init(_ result: TransferTxResult) {
        self.transfer = TransferResponse(result.transfer)
        self.fromAccount = AccountResponse(result.fromAccount)
        self.toAccount = AccountResponse(result.toAccount)
        self.fromEntry = EntryResponse(result.fromEntry)
        self.toEntry = EntryResponse(result.toEntry)
    }
}

extension TransferResultResponse: JSONObjectWritable {
    func writeJSONFields(to json: inout JSONObjectWriter) {
        json.field("from_account", fromAccount)
        json.field("from_entry", fromEntry)
        json.field("to_account", toAccount)
        json.field("to_entry", toEntry)
        json.field("transfer", transfer)
    }

    /// Written by ``JSONObjectWriter``: `POST /transfers` sends one per request.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONObjectWriter.response(self, capacity: 1024)
    }
}
