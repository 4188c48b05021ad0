#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader (or a crash) only ever sees the old or the new content.
public enum AtomicFile {
    /// Replaces `path` with `bytes`: writes a temporary file in the same folder, flushes it to disk,
    /// and renames it over `path`. Keeps the old file's permissions.
    ///
    /// The rename is atomic, and the data is on disk before it, so after a crash or power loss the
    /// file is the old version or the new one, never a mix. The folder itself is not flushed: that
    /// would only make the rename durable sooner (at about the cost of a second flush per edit),
    /// and either version is a valid file.
    /// With `overwrite: false`, fails if `path` exists (checked atomically by the final link).
    public static func write(_ bytes: [UInt8], to requestedPath: String, overwrite: Bool = true) throws(FileSystemError) {
        switch try destination(of: requestedPath, overwrite: overwrite) {
        case .device(let path):
            try writeInPlace(bytes, to: path)
        case .file(let path, let mode):
            let temporary = try writeTemporary(bytes, for: path, mode: mode, flush: true)
            try moveIntoPlace(temporary, path, overwrite: overwrite)
        }
    }

    /// Creates or replaces many files with two flushes of the file system instead of one per file.
    ///
    /// Each file is written to a temporary file beside it; then the file system is flushed once
    /// (`syncfs`), so every temporary file's data is on disk; then each is renamed (or, without
    /// `overwrite`, linked) into place; then each folder is flushed. So, as with
    /// ``write(_:to:overwrite:)``, after a crash each file is absent (or its old version) or
    /// complete, never partly written. Returns one error (or `nil`) per file, in order; a file
    /// that fails does not stop the others.
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])], overwrite: Bool) -> [FileSystemError?] {
        var results = [FileSystemError?](repeating: nil, count: files.count)
        var staged: [(index: Int, temporary: String, path: String)] = []
        for (index, file) in files.enumerated() {
            do throws(FileSystemError) {
                switch try destination(of: file.path, overwrite: overwrite) {
                case .device(let path):
                    try writeInPlace(file.bytes, to: path)
                case .file(let path, let mode):
                    staged.append((index, try writeTemporary(file.bytes, for: path, mode: mode, flush: false), path))
                }
            } catch {
                results[index] = error
            }
        }
        let folders = Set(staged.map { FileSystem.directoryName(of: $0.path) }).sorted()
        for folder in folders {
            if let problem = FileSystem.syncFileSystem(containing: folder) {
                for item in staged { unlink(item.temporary); results[item.index] = problem }
                return results
            }
        }
        for item in staged {
            do throws(FileSystemError) { try moveIntoPlace(item.temporary, item.path, overwrite: overwrite) } catch { results[item.index] = error }
        }
        for folder in folders { FileSystem.flushFolder(folder) }
        return results
    }

    private enum Destination {
        /// A device or pipe, written into, never replaced.
        case device(String)
        /// A regular file (or none yet), replaced by rename; `mode` is kept.
        case file(String, mode: mode_t)
    }

    private static func destination(of requestedPath: String, overwrite: Bool) throws(FileSystemError) -> Destination {
        var path = requestedPath
        var mode: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 {
            if !overwrite { throw FileSystemError(path: path, reason: "already exists; refusing to overwrite it (remove it first or choose another name)") }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw FileSystemError(path: path, reason: "is a directory, not a file; give the path of a file to write")
            case S_IFREG:
                // Through a symbolic link, replace the file it points to, not the link.
                if let resolved = realpath(path, nil) {
                    path = String(cString: resolved)
                    free(resolved)
                }
            default:
                // A device or pipe such as /dev/null or /dev/stdout must never be replaced by a
                // rename (as root that would swap the device node for a file): write into it.
                return .device(path)
            }
            mode = info.st_mode & 0o7777
        }
        if let problem = FileSystem.writeProblem(replacing: path) { throw problem }
        return .file(path, mode: mode)
    }

    /// Writes `bytes` to a new temporary file beside `path` and returns its path.
    private static func writeTemporary(_ bytes: [UInt8], for path: String, mode: mode_t, flush: Bool) throws(FileSystemError) -> String {
        let directory = FileSystem.directoryName(of: path)
        var template = Array(FileSystem.join(directory, ".\(FileSystem.baseName(of: path)).argmark-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            // "no such file or directory" alone would not say which is missing or what to do.
            if errno == ENOENT { throw FileSystemError(path: path, reason: "folder \(directory) does not exist, so nothing was written; create it first (mkdir -p \(directory)) or choose another path") }
            throw .fromErrno(directory, "create a temporary file in the folder")
        }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(FileSystemError) {
            defer { close(descriptor) }
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError.fromErrno(path, "write")
                }
                offset += written
            }
            fchmod(descriptor, mode)
            if flush, fsync(descriptor) != 0 { throw FileSystemError.fromErrno(path, "flush to disk") }
        } catch {
            unlink(temporaryPath)
            throw error
        }
        return temporaryPath
    }

    private static func moveIntoPlace(_ temporaryPath: String, _ path: String, overwrite: Bool) throws(FileSystemError) {
        if overwrite {
            guard rename(temporaryPath, path) == 0 else {
                let error = FileSystemError.fromErrno(path, "replace")
                unlink(temporaryPath)
                throw error
            }
        } else {
            // link() fails if the name exists, so two writers racing to create a file cannot both win.
            guard link(temporaryPath, path) == 0 else {
                let code = errno
                unlink(temporaryPath)
                if code == EEXIST { throw FileSystemError(path: path, reason: "already exists; refusing to overwrite it (remove it first or choose another name)") }
                throw .fromErrno(path, "create", code)
            }
            unlink(temporaryPath)
        }
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(FileSystemError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .fromErrno(path, "open for writing") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .fromErrno(path, "write")
            }
            offset += written
        }
    }
}

/// An exclusive advisory lock around a read-modify-write of one file.
///
/// The lock is taken on a sidecar file (`.NAME.lock` in the same folder) rather than on the file
/// itself, because the file is replaced by rename during the write and a lock on the old inode
/// would not exclude the next writer.
public final class FileLock {
    private let descriptor: Int32
    public let lockPath: String

    /// Blocks until the lock on `path` is held.
    public init(for requestedPath: String) throws(FileSystemError) {
        // Every name of one file (through symbolic links) must take the same lock.
        var path = requestedPath
        if let resolved = realpath(requestedPath, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        lockPath = FileSystem.join(FileSystem.directoryName(of: path), ".\(FileSystem.baseName(of: path)).lock")
        descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .fromErrno(lockPath, "create the lock file") }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(descriptor)
            throw .fromErrno(lockPath, "lock", code)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Runs `body` while holding the lock on `path`.
    public static func withLock<Result>(on path: String, _ body: () throws -> Result) throws -> Result {
        let lock = try FileLock(for: path)
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }
}
