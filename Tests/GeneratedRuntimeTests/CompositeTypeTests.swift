import Foundation
import NIOCore
import PostgresNIO
import Testing

/// Composite types through the real PostgreSQL: structs bound as record literals (quotes,
/// backslashes, commas, parentheses, empty strings and NULL fields), nested composites, arrays
/// of them, enums and arrays inside, read back equal, matched by field, copied.
@Suite struct CompositeTypeTests: RuntimeFixtureTests {
    static let home = PostalAddress(street: #"1 "Main", St\ (rear)"#, zip: 12345, tags: ["a,b", "", "{x}"], day: .wed)
    static let office = PostalAddress(street: "", zip: nil, tags: nil, day: nil)
    static let empty = PostalAddress(street: nil, zip: nil, tags: nil, day: nil)

    static let customers: [CopyCustomersParams] = [
        CopyCustomersParams(
            name: "Ada", address: home, pastAddresses: [office, home, empty],
            lastParcel: Parcel(destination: home, weight: Decimal(string: "2.125"), fragile: true)),
        CopyCustomersParams(
            name: "Bob", address: office, pastAddresses: [],
            lastParcel: Parcel(destination: nil, weight: nil, fragile: false)),
        CopyCustomersParams(name: "Cy", address: nil, pastAddresses: nil, lastParcel: nil),
    ]

    private static func params(of customer: Customer) -> CopyCustomersParams {
        CopyCustomersParams(
            name: customer.name, address: customer.address, pastAddresses: customer.pastAddresses,
            lastParcel: customer.lastParcel)
    }

    @Test func valuesRoundTrip() async throws {
        try await withQueries { queries in
            var ids: [Int64] = []
            for customer in Self.customers {
                let created = try await queries.createCustomer(
                    name: customer.name, address: customer.address, pastAddresses: customer.pastAddresses,
                    lastParcel: customer.lastParcel)
                #expect(Self.params(of: created) == customer)
                ids.append(created.id)
            }
            // An all-NULL composite is not NULL: PostgreSQL keeps `()` apart from no value.
            let texts = try #require(try await queries.customerAddressText(id: ids[1]))
            #expect(texts.address == #"("",,,)"#)
            #expect(try await queries.customersInZip(zip: 12345) == [ids[0]])

            #expect(try await queries.copyCustomers(Self.customers) == Self.customers.count)
            #expect(try await queries.listCustomers().suffix(3).map(Self.params(of:)) == Self.customers)
        }
    }

    @Test func aWrongFieldCountIsADecodingError() {
        var buffer = ByteBuffer()
        buffer.writeInteger(Int32(3))
        #expect(throws: (any Error).self) {
            _ = try PostalAddress(from: &buffer, type: PostgresDataType(0), format: .binary, context: .default)
        }
        var truncated = ByteBuffer()
        truncated.writeInteger(Int32(4))
        truncated.writeInteger(UInt32(25))
        truncated.writeInteger(Int32(10))
        #expect(throws: (any Error).self) {
            _ = try PostalAddress(from: &truncated, type: PostgresDataType(0), format: .binary, context: .default)
        }
    }
}
