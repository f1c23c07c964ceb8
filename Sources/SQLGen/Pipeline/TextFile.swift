import Foundation

/// Whole UTF-8 text files read and written with plain system calls.
///
/// A large project reads and writes hundreds of generated files per run. Foundation's atomic
/// write adds a random temporary name, an extended attribute and an `fsync` per file (together
/// about a fifth of a 500-table run), and its text reading goes through `NSString`; none of that
/// is needed for files the generator can always write again.
enum TextFile {
    /// A system call that failed, with the path it failed on.
    struct Failure: LocalizedError, CustomStringConvertible {
        var operation: String
        var path: String
        var code: Int32

        var description: String { "cannot \(operation) \(path): \(String(cString: strerror(code)))" }
        /// What `localizedDescription` (which the command line prints) says.
        var errorDescription: String? { description }
    }

    /// The text of the file at `path`, or nil when it cannot be read (missing, a folder, no
    /// permission) or is not valid UTF-8.
    static func contents(ofFile path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        // The size is a hint: read until the end, whatever it is by then.
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let result = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if result > 0 {
                count += result
            } else if result == 0 {
                break
            } else if errno != EINTR {
                return nil
            }
        }
        if #available(macOS 15, *) {
            return String(validating: bytes[..<count], as: UTF8.self)
        }
        return String(bytes: bytes[..<count], encoding: .utf8)
    }

    /// Writes `text` to a new file next to `path` and renames it over `path`, so that neither a
    /// reader nor a run that fails half-way ever sees a half-written file. The data is not forced
    /// to disk (no `fsync`): generated files are rebuilt from the SQL by running the generator again.
    static func replace(_ path: String, with text: String) throws(Failure) {
        let (descriptor, temporary) = try createTemporaryFile(besides: path)
        var text = text
        let written = text.withUTF8 { buffer in writeAll(buffer, to: descriptor) }
        let closed = close(descriptor) == 0 ? 0 : errno
        do throws(Failure) {
            if let code = written { throw Failure(operation: "write", path: temporary, code: code) }
            if closed != 0 { throw Failure(operation: "write", path: temporary, code: closed) }
            guard rename(temporary, path) == 0 else { throw Failure(operation: "write", path: path, code: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// A new, empty file in the folder of `path` that no one else is writing, named after it
    /// (`.Models.swift.sqlgen-<pid>`), so parallel writes and other runs cannot collide.
    private static func createTemporaryFile(besides path: String) throws(Failure) -> (descriptor: Int32, path: String) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var attempt = 0
        while true {
            let candidate = "\(folder).\(name).sqlgen-\(getpid())" + (attempt == 0 ? "" : "-\(attempt)")
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (descriptor, candidate) }
            // A file left behind by a killed run of the same process id: pick another name.
            guard errno == EEXIST, attempt < 100 else { throw Failure(operation: "write", path: path, code: errno) }
            attempt += 1
        }
    }

    /// Writes every byte (a write may be partial); the error code when one fails.
    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let result = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if result >= 0 {
                offset += result
            } else if errno != EINTR {
                return errno
            }
        }
        return nil
    }
}
