import BankDB
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

/// The bodies ``JSONObjectWriter`` writes are the bytes ``BankJSON/makeEncoder()`` would write for
/// the same values: every string character class, extreme numbers, dates with and without
/// milliseconds, before 1970 and in year 1.
@Suite("JSONObjectWriter")
struct JSONObjectWriterTests {
    /// Every ASCII character (controls, quote, backslash, slash, DEL) and some beyond.
    static let strings: [String] = [
        "", "ann", String((0..<128).map { Character(UnicodeScalar(UInt8($0))) }), "a\"b\\c/d", "é 😀 \u{A0}\u{2028}\u{2029}\u{FEFF}\u{85}",
        "e\u{301}\r\n",
    ]
    static let dates: [Date] = [
        Date(timeIntervalSince1970: 1_795_912_327), Date(timeIntervalSince1970: 1_795_912_327.25),
        Date(timeIntervalSince1970: 1_795_912_327.123), Date(timeIntervalSince1970: -1.5),
        Date(timeIntervalSince1970: -62_135_596_800),
    ]
    static let numbers: [Int64] = [0, 1, -1, 42, Int64.min, Int64.max]

    static func account(_ index: Int) -> Account {
        Account(
            id: numbers[index % numbers.count], owner: strings[index % strings.count], balance: numbers[(index + 1) % numbers.count],
            currency: strings[(index + 2) % strings.count], createdAt: dates[index % dates.count])
    }

    static func expectSameBytes<T: Encodable & JSONObjectWritable>(_ value: T) throws {
        let encoded = String(decoding: try BankJSON.makeEncoder().encode(value), as: UTF8.self)
        let written = String(buffer: JSONObjectWriter.object { value.writeJSONFields(to: &$0) })
        #expect(written == encoded)
    }

    @Test("AccountResponse", arguments: 0..<12)
    func account(index: Int) throws {
        try Self.expectSameBytes(AccountResponse(Self.account(index)))
    }

    @Test("TransferResultResponse, with TransferResponse and EntryResponse inside", arguments: 0..<12)
    func transferResult(index: Int) throws {
        let number = { (offset: Int) in Self.numbers[(index + offset) % Self.numbers.count] }
        let date = { (offset: Int) in Self.dates[(index + offset) % Self.dates.count] }
        let result = TransferTxResult(
            transfer: Transfer(id: number(0), fromAccountID: number(1), toAccountID: number(2), amount: number(3), createdAt: date(0)),
            fromEntry: Entry(id: number(1), accountID: number(2), amount: number(3), createdAt: date(1)),
            toEntry: Entry(id: number(4), accountID: number(5), amount: number(0), createdAt: date(2)),
            fromAccount: Self.account(index), toAccount: Self.account(index + 1))
        try Self.expectSameBytes(TransferResultResponse(result))
    }

    @Test("the response: 200, application/json with the body's length, as the encoder's")
    func response() async throws {
        let account = AccountResponse(Self.account(1))
        let router = Router(context: BankRequestContext.self)
        router.get("/direct") { _, _ in account }
        router.get("/encoder") { request, context in try context.responseEncoder.encode(account, from: request, context: context) }
        try await Application(router: router).test(.router) { client in
            let direct = try await client.execute(uri: "/direct", method: .get)
            let encoder = try await client.execute(uri: "/encoder", method: .get)
            #expect(direct.status == .ok)
            #expect(direct.headers[.contentType] == encoder.headers[.contentType])
            #expect(direct.headers[.contentLength] == encoder.headers[.contentLength])
            #expect(direct.body == encoder.body)
        }
    }
}
