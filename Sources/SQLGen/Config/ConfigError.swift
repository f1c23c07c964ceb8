/// Why a config could not be loaded. Carries every problem found, each with the config file's
/// path and line:col where YAML gives one, and the key path in the message
/// (`sql[0].gen.swift.emit_mokc: unknown key (did you mean "emit_mock"?)`).
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.diagnostics = [.error(message, at: location)]
    }

    /// One line per problem, in the compiler format.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
