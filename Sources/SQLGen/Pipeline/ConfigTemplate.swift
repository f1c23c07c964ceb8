/// The starter configuration `swift-sqlgen init` writes.
public enum ConfigTemplate {
    public static let starter = """
        version: "2"
        sql:
          - engine: postgresql
            schema: db/migration
            queries: db/query
            gen:
              swift:
                module: DB
                out: Sources/DB/Generated

        """
}
