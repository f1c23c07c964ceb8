import Foundation
import PostgresNIO
import Testing

/// `money` and `xml` through the real PostgreSQL: bound in binary, read back equal, printed as
/// PostgreSQL prints them (money under the server's default `lc_monetary`, C.UTF-8), compared in
/// SQL, copied, and malformed binary values rejected.
@Suite struct MoneyXMLTypeTests: RuntimeFixtureTests {
    static let invoices: [CopyInvoicesParams] = [
        CopyInvoicesParams(
            total: PostgresMoney(minorUnits: .min),
            body: PostgresXML(text: #"<a x="&amp;&quot;'">&lt;é&gt; &#x1F600; ✓ 😀<b/><![CDATA[<raw>]]></a>"#)),
        CopyInvoicesParams(total: PostgresMoney(minorUnits: .max), body: PostgresXML(text: "plain text &amp; more")),
        CopyInvoicesParams(total: PostgresMoney(minorUnits: 0), body: nil),
        CopyInvoicesParams(total: PostgresMoney(minorUnits: -1), body: PostgresXML(text: "")),
        CopyInvoicesParams(total: PostgresMoney(minorUnits: 123_456_789), body: PostgresXML(text: "<a>\ttab\nline</a><b/>")),
    ]

    @Test func valuesRoundTripAndPrintAsPostgreSQLDoes() async throws {
        try await withQueries { queries in try await Self.roundTrip(queries) }
    }

    private static func roundTrip(_ queries: Queries) async throws {
        var ids: [Int64] = []
        for invoice in invoices {
            let created = try await queries.createInvoice(total: invoice.total, body: invoice.body)
            #expect(created.total == invoice.total)
            #expect(created.body == invoice.body)
            let texts = try #require(try await queries.invoiceTexts(id: created.id))
            #expect(texts.total == invoice.total.description)
            #expect(texts.body == invoice.body?.description)
            ids.append(created.id)
        }
        #expect(invoices[0].total.description == "-$92,233,720,368,547,758.08")
        #expect(invoices[1].total.description == "$92,233,720,368,547,758.07")
        #expect(invoices[3].total.description == "-$0.01")
        #expect(invoices[4].total.description == "$1,234,567.89")
        #expect(try await queries.invoicesOver(minimum: PostgresMoney(minorUnits: 0)) == [ids[1], ids[4]])

        // PostgreSQL drops a declaration that says only version 1.0 and UTF-8.
        let declared = try await queries.createInvoice(
            total: PostgresMoney(minorUnits: 1), body: PostgresXML(text: #"<?xml version="1.0" encoding="UTF-8"?><a/>"#))
        #expect(declared.body == PostgresXML(text: "<a/>"))
        await #expect(throws: PSQLError.self) {
            try await queries.createInvoice(total: PostgresMoney(minorUnits: 1), body: PostgresXML(text: "<a>"))
        }

        #expect(try await queries.copyInvoices(invoices) == invoices.count)
        #expect(try await queries.invoicesOver(minimum: PostgresMoney(minorUnits: 0)).count == 5)
    }

    @Test func malformedBinaryValuesAreDecodingErrors() {
        let money = MalformedValues.bytes(PostgresMoney(minorUnits: 150))
        MalformedValues.expectRejected(PostgresMoney.self, oid: 790, Array(money.dropLast()))
        MalformedValues.expectRejected(PostgresMoney.self, oid: 790, money + [0])
        MalformedValues.expectRejected(PostgresMoney.self, oid: 20, money)
        MalformedValues.expectRejected(PostgresMoney.self, oid: 790, money, format: .text)
        MalformedValues.expectRejected(PostgresXML.self, oid: 142, [0x3c, 0x61, 0xff, 0x3e])
        MalformedValues.expectRejected(PostgresXML.self, oid: 25, Array("<a/>".utf8))
        MalformedValues.expectRejected(PostgresXML.self, oid: 142, Array("<a/>".utf8), format: .text)
    }
}
