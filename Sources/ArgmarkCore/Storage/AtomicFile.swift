/// Writes files so that a reader (or a crash) only ever sees the old or the new content.
package enum AtomicFile {
    /// Replaces `path` with `bytes`: writes a temporary file in the same folder, flushes it to disk,
    /// and renames it over `path`. Keeps the old file's permissions.
    ///
    /// The rename is atomic, and the data is on disk before it, so after a crash or power loss the
    /// file is the old version or the new one, never a mix. The folder itself is not flushed: that
    /// would only make the rename durable sooner (at about the cost of a second flush per edit),
    /// and either version is a valid file.
    /// With `overwrite: false`, fails if `path` exists (checked atomically by the final link).
    package static func write(_ bytes: [UInt8], to requestedPath: String, overwrite: Bool = true) throws(FileSystemError) {
        try write(to: requestedPath, overwrite: overwrite) { emit throws(FileSystemError) in try emit(bytes) }
    }

    /// ``write(_:to:overwrite:)`` for content too large to hold at once: `produce` hands the
    /// bytes to `emit` piece by piece, and they go to the temporary file as they come. The same
    /// guarantee: the file is replaced only once all of it is on disk; if `produce` or a write
    /// fails, the temporary file is removed and the old file is left as it was.
    package static func write(to requestedPath: String, overwrite: Bool = true,
                              producing produce: (_ emit: @escaping ([UInt8]) throws(FileSystemError) -> Void) throws(FileSystemError) -> Void) throws(FileSystemError) {
        switch try destination(of: requestedPath, overwrite: overwrite) {
        case .device(let path):
            let descriptor: Platform.Descriptor
            do { descriptor = try Platform.open(path, .writeExisting) } catch { throw FileSystemError(path, "open for writing", error) }
            defer { Platform.close(descriptor) }
            try produce { bytes throws(FileSystemError) in
                do throws(Platform.Failure) { try Platform.write(bytes, to: descriptor) } catch { throw FileSystemError(path, "write", error) }
            }
        case .file(let path, let permissions):
            let temporary = try writeTemporary(for: path, permissions: permissions, flush: true, produce)
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
    package static func writeAll(_ files: [(path: String, bytes: [UInt8])], overwrite: Bool) -> [FileSystemError?] {
        var results = [FileSystemError?](repeating: nil, count: files.count)
        var staged: [(index: Int, temporary: String, path: String)] = []
        for (index, file) in files.enumerated() {
            do throws(FileSystemError) {
                switch try destination(of: file.path, overwrite: overwrite) {
                case .device(let path):
                    try writeInPlace(file.bytes, to: path)
                case .file(let path, let permissions):
                    staged.append((index, try writeTemporary(file.bytes, for: path, permissions: permissions, flush: false), path))
                }
            } catch {
                results[index] = error
            }
        }
        let folders = Set(staged.map { FileSystem.directoryName(of: $0.path) }).sorted()
        for folder in folders {
            if let problem = FileSystem.syncFileSystem(containing: folder) {
                for item in staged {
                    Platform.removeFile(item.temporary)
                    results[item.index] = problem
                }
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
        /// A regular file (or none yet), replaced by rename; its permissions are kept.
        case file(String, permissions: UInt32)
    }

    private static func destination(of requestedPath: String, overwrite: Bool) throws(FileSystemError) -> Destination {
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
                return .device(path)
            }
            permissions = existing.permissions
        }
        if let problem = FileSystem.writeProblem(replacing: path) { throw problem }
        return .file(path, permissions: permissions)
    }

    /// Writes `bytes` to a new temporary file beside `path` and returns its path.
    private static func writeTemporary(_ bytes: [UInt8], for path: String, permissions: UInt32, flush: Bool) throws(FileSystemError) -> String {
        try writeTemporary(for: path, permissions: permissions, flush: flush) { emit throws(FileSystemError) in try emit(bytes) }
    }

    /// Writes what `produce` emits to a new temporary file beside `path` and returns its path.
    private static func writeTemporary(for path: String, permissions: UInt32, flush: Bool,
                                       _ produce: (_ emit: @escaping ([UInt8]) throws(FileSystemError) -> Void) throws(FileSystemError) -> Void) throws(FileSystemError) -> String {
        let directory = FileSystem.directoryName(of: path)
        let descriptor: Platform.Descriptor
        let temporaryPath: String
        do {
            (descriptor, temporaryPath) = try Platform.createUniqueFile(template: FileSystem.join(directory, ".\(FileSystem.baseName(of: path)).argmark-XXXXXX"))
        } catch {
            // "no such file or directory" alone would not say which is missing or what to do.
            if error.kind == .missing { throw FileSystemError(path: path, reason: "folder \(directory) does not exist, so nothing was written; create it first (mkdir -p \(directory)) or choose another path") }
            throw FileSystemError(directory, "create a temporary file in the folder", error)
        }
        do throws(FileSystemError) {
            defer { Platform.close(descriptor) }
            try produce { bytes throws(FileSystemError) in
                do throws(Platform.Failure) { try Platform.write(bytes, to: descriptor) } catch { throw FileSystemError(path, "write", error) }
            }
            Platform.setPermissions(descriptor, permissions)
            if flush {
                do { try Platform.flushToDisk(descriptor) } catch { throw FileSystemError(path, "flush to disk", error) }
            }
        } catch {
            Platform.removeFile(temporaryPath)
            throw error
        }
        return temporaryPath
    }

    private static func moveIntoPlace(_ temporaryPath: String, _ path: String, overwrite: Bool) throws(FileSystemError) {
        if overwrite {
            do { try Platform.rename(temporaryPath, to: path) } catch {
                Platform.removeFile(temporaryPath)
                throw FileSystemError(path, "replace", error)
            }
        } else {
            // link() fails if the name exists, so two writers racing to create a file cannot both win.
            defer { Platform.removeFile(temporaryPath) }
            do {
                try Platform.link(temporaryPath, to: path)
            } catch {
                if error.kind == .exists { throw FileSystemError(path: path, reason: "already exists; refusing to overwrite it (remove it first or choose another name)") }
                throw FileSystemError(path, "create", error)
            }
        }
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
package final class FileLock {
    private let descriptor: Int32
    package let lockPath: String
    private var removesFile = false

    /// Blocks until the lock on `path` is held.
    package init(for requestedPath: String) throws(FileSystemError) {
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
    package func removeFileOnRelease() { removesFile = true }

    deinit {
        if removesFile { Platform.removeFile(lockPath) }
        Platform.unlock(descriptor)
        Platform.close(descriptor)
    }

    /// Runs `body` while holding the lock on `path`.
    package static func withLock<Result>(on path: String, _ body: () throws -> Result) throws -> Result {
        let lock = try FileLock(for: path)
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }
}
