import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory sqlgen [generate|diff|compile|describe …]`
///
/// A thin shell over the `swift-sqlgen` executable: SwiftPM builds it, and the plugin runs it in
/// the package's folder with the arguments passed through (`generate` when there are none), so
/// the CLI stays the one place that knows the options.
@main
struct SQLGenCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "swift-sqlgen")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = arguments.isEmpty ? ["generate"] : arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw SQLGenCommandFailure(arguments: process.arguments ?? [], status: process.terminationStatus)
        }
    }
}

struct SQLGenCommandFailure: Error, CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    var description: String { "swift-sqlgen \(arguments.joined(separator: " ")) failed with exit status \(status)" }
}
