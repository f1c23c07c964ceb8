import Foundation

/// Progress for the person watching: standard error, so standard output holds only the table.
enum Console {
    @Sendable static func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
