import Testing

/// `inet`, `cidr`, `macaddr` and `macaddr8` through the real PostgreSQL: bound in binary, read
/// back equal, written by `description` as PostgreSQL writes them, used in an operator, copied.
@Suite struct NetworkTypeTests: RuntimeFixtureTests {
    static let hosts: [CopyHostsParams] = [
        CopyHostsParams(
            addr: PostgresInet(address: [192, 168, 0, 1]), net: PostgresInet(address: [10, 0, 0, 0], prefixLength: 8),
            mac: PostgresMACAddress(bytes: [0x08, 0x00, 0x2b, 0x01, 0x02, 0x03]),
            mac8: PostgresMACAddress(bytes: [0x08, 0x00, 0x2b, 0xff, 0xfe, 0x01, 0x02, 0x03])),
        CopyHostsParams(
            addr: PostgresInet(address: [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0, 0, 0x42, 0x83, 0x29]),
            net: PostgresInet(address: [0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 12), prefixLength: 32),
            mac: nil, mac8: nil),
        CopyHostsParams(
            addr: PostgresInet(address: Array(repeating: 0, count: 15) + [1]), net: nil, mac: nil, mac8: nil),
        CopyHostsParams(
            addr: PostgresInet(address: [10, 1, 2, 3], prefixLength: 16), net: nil,
            mac: PostgresMACAddress(bytes: [0, 0, 0, 0, 0, 0xff]), mac8: nil),
    ]

    @Test func valuesRoundTripAndPrintAsPostgreSQLDoes() async throws {
        try await withQueries { queries in
            var ids: [Int64] = []
            for host in Self.hosts {
                let created = try await queries.createHost(addr: host.addr, net: host.net, mac: host.mac, mac8: host.mac8)
                #expect(created.addr == host.addr)
                #expect(created.net == host.net)
                #expect(created.mac == host.mac)
                #expect(created.mac8 == host.mac8)
                let texts = try #require(try await queries.hostTexts(id: created.id))
                #expect(texts.addr == host.addr.description)
                #expect(texts.mac == host.mac?.description)
                #expect(texts.mac8 == host.mac8?.description)
                ids.append(created.id)
            }
            #expect(Self.hosts[1].addr.description == "2001:db8::ff00:42:8329")
            #expect(Self.hosts[2].addr.description == "::1")
            #expect(try await queries.hostsInNet(net: PostgresInet(address: [10, 0, 0, 0], prefixLength: 8)) == [ids[3]])

            #expect(try await queries.copyHosts(Self.hosts) == Self.hosts.count)
            #expect(try await queries.hostsInNet(net: PostgresInet(address: [192, 168, 0, 0], prefixLength: 16)).count == 2)
        }
    }
}
