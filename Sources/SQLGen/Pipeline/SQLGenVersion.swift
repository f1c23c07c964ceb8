/// The tool's version, printed by `swift-sqlgen version`.
public enum SQLGenVersion {
    public static let current = "0.1.0"
}
