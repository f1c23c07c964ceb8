import Dispatch
import Foundation

/// A database created for one `verify` run and dropped after it: when the run ends, when it
/// fails, and when the process is interrupted (SIGINT, SIGTERM) while it exists.
final class ScratchDatabase: @unchecked Sendable {
    let name: String
    private let serverURL: String

    /// Creates a database with a name no other run uses, on the server `serverURL` names.
    init(on serverURL: String) throws(LibPQConnection.Failure) {
        self.serverURL = serverURL
        name = "sqlgen_verify_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try LibPQConnection(url: serverURL)
        try admin.execute("CREATE DATABASE \(StarExpansion.quoteIdentifier(name))")
        Self.registry.withLock { $0[name] = serverURL }
    }

    /// A connection to the scratch database.
    func connect() throws(LibPQConnection.Failure) -> LibPQConnection {
        try LibPQConnection(url: serverURL, database: name)
    }

    /// Drops the database (ending any session still in it). Safe to call more than once.
    func drop() {
        guard Self.registry.withLock({ $0.removeValue(forKey: name) }) != nil else { return }
        Self.drop(name, on: serverURL)
    }

    private static func drop(_ name: String, on serverURL: String) {
        let admin = try? LibPQConnection(url: serverURL)
        try? admin?.execute("DROP DATABASE IF EXISTS \(StarExpansion.quoteIdentifier(name)) WITH (FORCE)")
    }

    /// The scratch databases that exist now, by name, with their server.
    private static let registry = LockedValue([String: String]())
    private static let signalSources = LockedValue([any DispatchSourceSignal]())

    /// Makes SIGINT and SIGTERM drop every scratch database before the process exits with the
    /// shell's status for the signal (130, 143). For the command line; call once.
    static func dropAllOnInterrupt() {
        for signal in [SIGINT, SIGTERM] {
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                for (name, url) in registry.withLock({ $0 }) { drop(name, on: url) }
                exit(128 + signal)
            }
            source.resume()
            signalSources.withLock { $0.append(source) }
        }
    }
}
