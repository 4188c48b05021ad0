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
                try writeInPlace(bytes, to: path)
                return
            }
            mode = info.st_mode & 0o7777
        }
        let directory = FileSystem.directoryName(of: path)
        if let problem = FileSystem.writeProblem(replacing: path) { throw problem }
        var template = Array(FileSystem.join(directory, ".\(FileSystem.baseName(of: path)).argmark-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            // "no such file or directory" alone would not say which is missing or what to do.
            if errno == ENOENT { throw FileSystemError(path: path, reason: "folder \(directory) does not exist, so nothing was written; create it first (mkdir -p \(directory)) or choose another path") }
            throw .fromErrno(directory, "create a temporary file in the folder")
        }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporaryPath) }
        }
        do {
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
            guard fsync(descriptor) == 0 else { throw FileSystemError.fromErrno(path, "flush to disk") }
        }
        if overwrite {
            guard rename(temporaryPath, path) == 0 else { throw .fromErrno(path, "replace") }
        } else {
            // link() fails if the name exists, so two writers racing to create a file cannot both win.
            guard link(temporaryPath, path) == 0 else {
                if errno == EEXIST { throw FileSystemError(path: path, reason: "already exists; refusing to overwrite it (remove it first or choose another name)") }
                throw .fromErrno(path, "create")
            }
            unlink(temporaryPath)
        }
        succeeded = true
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
    private var removesFile = false

    /// Blocks until the lock on `path` is held.
    public init(for requestedPath: String) throws(FileSystemError) {
        // Every name of one file (through symbolic links) must take the same lock.
        var path = requestedPath
        if let resolved = realpath(requestedPath, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        lockPath = FileSystem.join(FileSystem.directoryName(of: path), ".\(FileSystem.baseName(of: path)).lock")
        while true {
            // Never through a symbolic link: a planted `.NAME.lock` link would make every edit create
            // (or truncate) a file wherever it points. O_NOFOLLOW refuses it; a lock is a plain file.
            let opened = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
            guard opened >= 0 else {
                if errno == ELOOP {
                    throw FileSystemError(path: lockPath, reason: "the lock file is a symbolic link, which argmark never follows (it could make an edit write elsewhere), so nothing was written; remove the link (rm \(lockPath)) and run again")
                }
                throw .fromErrno(lockPath, "create the lock file")
            }
            var held = stat()
            guard fstat(opened, &held) == 0, held.st_mode & S_IFMT == S_IFREG else {
                close(opened)
                throw FileSystemError(path: lockPath, reason: "the lock file is not a regular file (a FIFO, device or folder was put in its place), so nothing was written; remove it and run again")
            }
            while flock(opened, LOCK_EX) != 0 {
                if errno == EINTR { continue }
                let code = errno
                close(opened)
                throw .fromErrno(lockPath, "lock", code)
            }
            // A holder that removes its lock file on release (``removeFileOnRelease()``) may have
            // done so while we waited: then the lock we hold is on a file no one else will open.
            var current = stat()
            if lstat(lockPath, &current) == 0, current.st_ino == held.st_ino, current.st_dev == held.st_dev {
                descriptor = opened
                return
            }
            close(opened)
        }
    }

    /// Removes the lock file when the lock is released (for writers that should leave no trace
    /// in an output folder). Safe against waiters: they see the file is gone and take a new one.
    public func removeFileOnRelease() { removesFile = true }

    deinit {
        if removesFile { unlink(lockPath) }
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
