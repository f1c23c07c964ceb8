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

    /// Replaces the file at `path` with `text` in one step: neither a reader nor a run that fails
    /// half-way ever sees a half-written file. The data is not forced to disk (no `fsync`):
    /// generated files are rebuilt from the SQL by running the generator again.
    static func replace(_ path: String, with text: String) throws(Failure) {
        #if os(Linux) && (arch(x86_64) || arch(arm64))
            if try replaceByLinkingUnnamedFile(path, with: text) { return }
        #endif
        var descriptor: Int32 = -1
        let temporary = try temporaryName(besides: path) { candidate in
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard opened >= 0 else { return false }
            descriptor = opened
            return true
        }
        let written = write(text, to: descriptor)
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

    #if os(Linux) && (arch(x86_64) || arch(arm64))
        /// `O_TMPFILE`, whose C macro Swift does not import; this is its value on these architectures
        /// (`<bits/fcntl-linux.h>`).
        private static let unnamedFileFlag: Int32 = 0o20000000 | O_DIRECTORY

        /// Linux: writes the text to an unnamed file in the folder of `path` and links it under its
        /// name once complete. A run that stops half-way leaves nothing behind, and creating an unnamed
        /// file does not lock the folder, so files written in parallel are created in parallel: on
        /// ext4 without a journal, each file created soon after others were deleted (regenerating
        /// from scratch) costs a scan that grows with their number. False when the system cannot do
        /// this (no `O_TMPFILE` support, no `/proc`); the caller then writes a named temporary file.
        private static func replaceByLinkingUnnamedFile(_ path: String, with text: String) throws(Failure) -> Bool {
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[..<$0]) } ?? "."
            let descriptor = open(folder.isEmpty ? "/" : folder, O_WRONLY | O_CLOEXEC | unnamedFileFlag, 0o666)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            if let code = write(text, to: descriptor) { throw Failure(operation: "write", path: path, code: code) }
            let handle = "/proc/self/fd/\(descriptor)"
            if linkat(AT_FDCWD, handle, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 { return true }
            guard errno == EEXIST else { return false }
            // The file exists: link the new one under a temporary name and rename it over the old one.
            let temporary = try temporaryName(besides: path) { candidate in
                linkat(AT_FDCWD, handle, AT_FDCWD, candidate, AT_SYMLINK_FOLLOW) == 0
            }
            guard rename(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                throw Failure(operation: "write", path: path, code: code)
            }
            return true
        }
    #endif

    /// Makes a file under a hidden name beside `path` (`.Models.swift.sqlgen-<pid>`) with
    /// `create`, which fails with `EEXIST` when the name is taken (left by a killed run of the same
    /// process id): then another name is tried. Returns the name used.
    private static func temporaryName(besides path: String, create: (String) -> Bool) throws(Failure) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var attempt = 0
        while true {
            let candidate = "\(folder).\(name).sqlgen-\(getpid())" + (attempt == 0 ? "" : "-\(attempt)")
            if create(candidate) { return candidate }
            guard errno == EEXIST, attempt < 100 else { throw Failure(operation: "write", path: path, code: errno) }
            attempt += 1
        }
    }

    /// Writes every byte of `text` (a write may be partial); the error code when one fails.
    private static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result >= 0 {
                    offset += result
                } else if errno != EINTR {
                    return errno
                }
            }
            return nil
        }
    }
}
