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
        var permissions: UInt32 = 0o644
        if let existing = try? Platform.status(of: path) {
            if !overwrite { throw FileSystemError(path: path, reason: "already exists; refusing to overwrite it (remove it first or choose another name)") }
            switch existing.kind {
            case .directory:
                throw FileSystemError(path: path, reason: "is a directory, not a file; give the path of a file to write")
            case .file:
                // Through a symbolic link, replace the file it points to, not the link.
                if let resolved = Platform.resolvedPath(path) { path = resolved }
            case .symbolicLink, .other:
                // A device or pipe such as /dev/null or /dev/stdout must never be replaced by a
                // rename (as root that would swap the device node for a file): write into it.
                try writeInPlace(bytes, to: path)
                return
            }
            permissions = existing.permissions
        }
        let directory = FileSystem.directoryName(of: path)
        if let problem = FileSystem.writeProblem(replacing: path) { throw problem }
        let descriptor: Platform.Descriptor
        let temporaryPath: String
        do {
            (descriptor, temporaryPath) = try Platform.createUniqueFile(template: FileSystem.join(directory, ".\(FileSystem.baseName(of: path)).argmark-XXXXXX"))
        } catch {
            // "no such file or directory" alone would not say which is missing or what to do.
            if error.kind == .missing { throw FileSystemError(path: path, reason: "folder \(directory) does not exist, so nothing was written; create it first (mkdir -p \(directory)) or choose another path") }
            throw FileSystemError(directory, "create a temporary file in the folder", error)
        }
        var succeeded = false
        defer {
            if !succeeded { Platform.removeFile(temporaryPath) }
        }
        do {
            defer { Platform.close(descriptor) }
            do { try Platform.write(bytes, to: descriptor) } catch { throw FileSystemError(path, "write", error) }
            Platform.setPermissions(descriptor, permissions)
            do { try Platform.flushToDisk(descriptor) } catch { throw FileSystemError(path, "flush to disk", error) }
        }
        if overwrite {
            do { try Platform.rename(temporaryPath, to: path) } catch { throw FileSystemError(path, "replace", error) }
        } else {
            // link() fails if the name exists, so two writers racing to create a file cannot both win.
            do {
                try Platform.link(temporaryPath, to: path)
            } catch {
                if error.kind == .exists { throw FileSystemError(path: path, reason: "already exists; refusing to overwrite it (remove it first or choose another name)") }
                throw FileSystemError(path, "create", error)
            }
            Platform.removeFile(temporaryPath)
        }
        succeeded = true
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(FileSystemError) {
        let descriptor: Platform.Descriptor
        do { descriptor = try Platform.open(path, .writeExisting) } catch { throw FileSystemError(path, "open for writing", error) }
        defer { Platform.close(descriptor) }
        do { try Platform.write(bytes, to: descriptor) } catch { throw FileSystemError(path, "write", error) }
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
        let path = Platform.resolvedPath(requestedPath) ?? requestedPath
        let lockPath = FileSystem.join(FileSystem.directoryName(of: path), ".\(FileSystem.baseName(of: path)).lock")
        self.lockPath = lockPath
        while true {
            // Never through a symbolic link: a planted `.NAME.lock` link would make every edit create
            // (or truncate) a file wherever it points. `.lockFile` refuses it, and never blocks on a FIFO.
            let descriptor: Platform.Descriptor
            do {
                descriptor = try Platform.open(lockPath, .lockFile)
            } catch where error.isSymbolicLinkRefused {
                throw FileSystemError(path: lockPath, reason: "the lock file is a symbolic link, which argmark never follows (it could make an edit write elsewhere), so nothing was written; remove the link (rm \(lockPath)) and run again")
            } catch {
                throw FileSystemError(lockPath, "create the lock file", error)
            }
            guard let held = try? Platform.status(of: descriptor), held.kind == .file else {
                Platform.close(descriptor)
                throw FileSystemError(path: lockPath, reason: "the lock file is not a regular file (a FIFO, device or folder was put in its place), so nothing was written; remove it and run again")
            }
            do {
                try Platform.lockExclusively(descriptor)
            } catch {
                Platform.close(descriptor)
                throw FileSystemError(lockPath, "lock", error)
            }
            // A holder that removes its lock file on release (``removeFileOnRelease()``) may have
            // done so while we waited: then the lock we hold is on a file no one else will open.
            if let current = try? Platform.status(of: lockPath, followingLinks: false), current.identity == held.identity {
                self.descriptor = descriptor
                return
            }
            Platform.close(descriptor)
        }
    }

    /// Removes the lock file when the lock is released (for writers that should leave no trace
    /// in an output folder). Safe against waiters: they see the file is gone and take a new one.
    public func removeFileOnRelease() { removesFile = true }

    deinit {
        if removesFile { Platform.removeFile(lockPath) }
        Platform.unlock(descriptor)
        Platform.close(descriptor)
    }

    /// Runs `body` while holding the lock on `path`.
    public static func withLock<Result>(on path: String, _ body: () throws -> Result) throws -> Result {
        let lock = try FileLock(for: path)
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }
}
