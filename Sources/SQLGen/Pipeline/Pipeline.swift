import Foundation

/// Runs the compiler for a configuration: `Config → Parse → Catalog → Analyze → Emit`, one
/// package (`sql[]` entry) at a time. Each stage is a pure function of the previous stage's
/// output; diagnostics from every stage are collected so one run reports all of them.
public enum Pipeline {
    /// The outcome of one run: what each package would write, and every diagnostic.
    public struct Result: Sendable {
        public var packages: [PackageOutput]
        public var diagnostics: [Diagnostic]
        /// The config's `vet:` section, for `swift-sqlgen vet`.
        public var vetOptions = VetOptions()

        public var hasErrors: Bool { diagnostics.containsErrors }

        /// The analysis as `describe --json` prints it.
        public func describeReport() -> DescribeReport {
            DescribeReport(
                packages: packages.map { package in
                    DescribeReport.Package(
                        name: package.name,
                        queries: package.queries,
                        diagnostics: package.diagnostics,
                        typeMapper: package.typeMapper
                    )
                }
            )
        }
    }

    /// One package's results.
    public struct PackageOutput: Sendable {
        /// The Swift module name (`gen.swift.module`).
        public var name: String
        public var output: OutputDirectory
        /// The schema's statements in the order they apply (what `verify` runs to build the schema).
        public var schema: [SchemaStatement]
        public var catalog: Catalog
        public var queries: [AnalyzedQuery]
        public var files: [GeneratedFile]
        public var diagnostics: [Diagnostic]
        /// The Swift type of each parameter and column, as the generated code spells it.
        public var typeMapper: SwiftTypeMapper
    }

    /// Runs every stage for the configuration at `configPath` (nil: sqlc.yaml, sqlc.yml or
    /// sqlc.json in the current folder). Nothing is written; see `OutputDirectory`.
    public static func run(configPath: String?) -> Result {
        let config: Config
        do {
            config = try ConfigLoader.load(path: configPath ?? ".")
        } catch {
            return Result(packages: [], diagnostics: error.diagnostics)
        }
        var packages: [PackageOutput] = []
        var diagnostics: [Diagnostic] = config.notes
        for package in config.packages {
            let output = run(package, of: config)
            diagnostics += output.diagnostics
            packages.append(output)
        }
        return Result(packages: packages, diagnostics: diagnostics, vetOptions: config.vet)
    }

    static func run(_ package: SQLPackage, of config: Config) -> PackageOutput {
        var diagnostics: [Diagnostic] = []
        let schemaFiles = read({ () throws(ConfigError) in try config.resolvedSchemaFiles(for: package) }, into: &diagnostics)
        let queryFiles = read({ () throws(ConfigError) in try config.resolvedQueryFiles(for: package) }, into: &diagnostics)

        // Parse the schema and build the catalog.
        var statements: [SchemaStatement] = []
        for file in schemaFiles {
            let parsed = SchemaFileParser.parse(file)
            statements += parsed.statements
            diagnostics += parsed.diagnostics
        }
        let built = CatalogBuilder.build(statements, viewColumns: Analyzer.viewColumns)
        diagnostics += built.diagnostics

        let schemaFailed = diagnostics.containsErrors

        // Parse and analyze the queries, file by file on all cores. A file's parse trees are
        // freed by the worker that analyzed them, not all at the end by one thread.
        // Against a schema that failed to load, every query error would be a knock-on of the
        // schema's; report the schema's own errors and leave the queries for the next run.
        let analyzer = schemaFailed ? nil : Analyzer(catalog: built.catalog)
        let perFile = queryFiles.concurrentMap { file in
            let parsed = QueryFileParser.parse(file)
            return (diagnostics: parsed.diagnostics, analysis: analyzer?.analyze(file: parsed.queries))
        }
        for file in perFile { diagnostics += file.diagnostics }
        let analyzed = Analyzer.combine(perFile.compactMap(\.analysis))
        diagnostics += analyzed.diagnostics

        // Emit only from a clean analysis: code from half-understood SQL would mislead.
        let emitter = SwiftEmitter(options: package.swift, catalog: built.catalog)
        var files: [GeneratedFile] = []
        if !diagnostics.containsErrors {
            let emitted = emitter.emit(analyzed.queries)
            files = emitted.files
            diagnostics += emitted.diagnostics
        }
        let outURL = URL(fileURLWithPath: config.directory).appendingPathComponent(package.swift.out)
        let mapper = emitter.typeMapper
        return PackageOutput(
            name: package.swift.module ?? package.displayName,
            output: OutputDirectory(displayPath: package.swift.out, url: outURL),
            schema: statements,
            catalog: built.catalog,
            queries: analyzed.queries,
            files: diagnostics.containsErrors ? [] : files,
            diagnostics: diagnostics,
            typeMapper: mapper
        )
    }

    /// Resolves and reads input files; problems become diagnostics so one run reports them all.
    private static func read(
        _ resolve: () throws(ConfigError) -> [InputFile], into diagnostics: inout [Diagnostic]
    ) -> [SourceFile] {
        let inputs: [InputFile]
        do {
            inputs = try resolve()
        } catch {
            diagnostics += error.diagnostics
            return []
        }
        var files: [SourceFile] = []
        for result in inputs.concurrentMap({ input in Swift.Result { () throws(ConfigError) in try input.read() } }) {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        return files
    }
}
