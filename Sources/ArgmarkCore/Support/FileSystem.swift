/// A failure to read or write a path, with the system's reason.
package struct FileSystemError: Error, CustomStringConvertible, Sendable {
    package var path: String
    package var reason: String
    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    package var description: String { "\(path): \(reason)" }

    /// The failure of a system call on `path`, worded with the fix.
    init(_ path: String, _ action: String, _ failure: Platform.Failure) {
        let reason: String
        switch failure.kind {
        case .missing: reason = "no such file or directory; check the path"
        case .permissionDenied: reason = "permission denied (\(action)); check the file's permissions"
        case .isDirectory: reason = "is a directory, not a file; pass a file"
        case .notDirectory: reason = "a component of the path is a file, not a folder"
        case .readOnlyFileSystem: reason = "read-only file system; write somewhere writable"
        case .noSpace: reason = "no space left on device; free some space and run again"
        case .exists, .other: reason = "cannot \(action): \(failure.systemMessage)"
        }
        self.init(path: path, reason: reason)
    }
}

/// The few file operations argmark needs, straight over POSIX so the core does not load Foundation.
package enum FileSystem {
    package enum Kind: Sendable { case file, directory, other, missing }

    /// What is at `path`, following symbolic links.
    package static func kind(of path: String) -> Kind {
        guard let status = try? Platform.status(of: path) else { return .missing }
        switch status.kind {
        case .file: return .file
        case .directory: return .directory
        case .symbolicLink, .other: return .other
        }
    }

    /// The largest file argmark reads: far beyond any article (a 1 MB article makes a ~1.2 MB file),
    /// small enough that a hostile file cannot exhaust memory.
    package static let maximumFileSize = 64 << 20

    /// Reads a whole regular file of at most `limit` bytes.
    package static func read(_ path: String, limit: Int = maximumFileSize) throws(FileSystemError) -> [UInt8] {
        let descriptor: Platform.Descriptor
        do { descriptor = try Platform.open(path, .read) } catch { throw FileSystemError(path, "read", error) }
        defer { Platform.close(descriptor) }
        let status: Platform.FileStatus
        do { status = try Platform.status(of: descriptor) } catch { throw FileSystemError(path, "read", error) }
        if status.kind == .directory { throw FileSystemError(path: path, reason: "is a directory; pass a file, or use a command that takes folders") }
        if status.size > limit {
            throw FileSystemError(path: path, reason: "file is \(status.size >> 20) MiB, larger than the \(limit >> 20) MiB argmark reads; split the article or check that this is the right file")
        }
        // Read straight into an array of the file's size; a file that grows meanwhile is read on
        // in chunks up to the limit.
        let expected = status.size
        var failure: Platform.Failure?
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            while initialized < expected {
                do throws(Platform.Failure) {
                    let count = try Platform.read(descriptor, into: buffer.baseAddress! + initialized, count: expected - initialized)
                    if count == 0 { break }
                    initialized += count
                } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw FileSystemError(path, "read", failure) }
        if bytes.count == expected {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let result = chunk.withUnsafeMutableBytes { raw in
                    Result { () throws(Platform.Failure) in try Platform.read(descriptor, into: raw.baseAddress!, count: raw.count) }
                }
                let count: Int
                switch result {
                case .success(let read): count = read
                case .failure(let failure): throw FileSystemError(path, "read", failure)
                }
                if count == 0 { break }
                bytes.append(contentsOf: chunk[0..<count])
                if bytes.count > limit {
                    throw FileSystemError(path: path, reason: "file is larger than the \(limit >> 20) MiB argmark reads")
                }
            }
        }
        return bytes
    }

    /// Flushes every file written on the file system that holds `folder` (`syncfs`): one call
    /// instead of one `fsync` per file when many files are written.
    static func syncFileSystem(containing folder: String) -> FileSystemError? {
        do throws(Platform.Failure) {
            let descriptor = try Platform.open(folder, .read)
            defer { Platform.close(descriptor) }
            do { try Platform.flushFileSystem(descriptor) } catch { return FileSystemError(folder, "flush to disk", error) }
        } catch {
            return FileSystemError(folder, "open the folder to flush it", error)
        }
        return nil
    }

    /// Makes the names created in `folder` durable. Best effort: the files are complete either way.
    package static func flushFolder(_ folder: String) {
        guard let descriptor = try? Platform.open(folder, .read) else { return }
        try? Platform.flushToDisk(descriptor)
        Platform.close(descriptor)
    }

    /// Why argmark must not replace `path`: the file or its folder is read-only. A file or folder
    /// without any write permission bit counts as read-only even for root (who could write it
    /// anyway): making it read-only is how a user says "do not touch".
    package static func writeProblem(replacing path: String) -> FileSystemError? {
        let directory = directoryName(of: path)
        // An unreadable file is left to the read, whose error (permission denied) says more.
        if let file = try? Platform.status(of: path), file.kind == .file, Platform.isAllowed(.read, path), !Platform.isAllowed(.write, path) || file.permissions & 0o222 == 0 {
            return FileSystemError(path: path, reason: "file is read-only, so nothing was written; make it writable (chmod u+w \(path)) to edit it")
        }
        if let folder = try? Platform.status(of: directory), !Platform.isAllowed(.write, directory) || folder.permissions & 0o222 == 0 {
            return FileSystemError(path: path, reason: "folder \(directory) is read-only, so nothing was written (argmark replaces files by writing a new one beside them); make the folder writable to edit files in it")
        }
        return nil
    }

    /// The `.xml` files under each path: a file is taken as given, a folder is searched recursively
    /// (hidden entries skipped), in sorted order. Paths that do not exist or cannot be listed come
    /// back as errors, and so does every entry of a folder that cannot be read as what it seems:
    /// a name that is not valid UTF-8, a path beyond the system's length limit, a symbolic link
    /// that leads out of the folder given (links are followed only to files and folders inside
    /// it, so a folder cannot smuggle in a file from elsewhere), or a link that leads nowhere.
    /// Nothing a folder holds is skipped silently: a check that passes has seen every file.
    package static func expand(_ paths: [String], extension suffix: String) -> (files: [String], errors: [FileSystemError]) {
        var files: [String] = []
        var errors: [FileSystemError] = []
        for path in paths {
            switch kind(of: path) {
            case .file: files.append(path)
            case .directory:
                var visited: Set<String> = []
                walk(path, root: Platform.resolvedPath(path) ?? path, suffix: suffix, into: &files, errors: &errors, visited: &visited)
            case .missing:
                // Say why: missing, or a file used as a folder on the way (ENOTDIR), or no permission.
                do {
                    _ = try Platform.status(of: path)
                    errors.append(FileSystemError(path, "read", Platform.Failure(code: Platform.Failure.missingCode)))
                } catch {
                    errors.append(FileSystemError(path, "read", error))
                }
            case .other: errors.append(FileSystemError(path: path, reason: "not a regular file or folder"))
            }
        }
        return (files, errors)
    }

    /// Whether `path` itself is a symbolic link (not following it).
    package static func isSymbolicLink(_ path: String) -> Bool {
        (try? Platform.status(of: path, followingLinks: false))?.kind == .symbolicLink
    }

    /// Whether the resolved `path` is `root` or inside it (both resolved).
    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// Why `path`, a symbolic link found in a folder, must not be followed: it leads out of
    /// `folder`, or nowhere. Nil when it stays inside or is not a link.
    package static func linkProblem(_ path: String, inside folder: String) -> FileSystemError? {
        guard isSymbolicLink(path) else { return nil }
        guard let target = Platform.resolvedPath(path) else {
            return FileSystemError(path: path, reason: "is a symbolic link that leads nowhere (a missing target or a loop); remove it or point it at a file")
        }
        let root = Platform.resolvedPath(folder) ?? folder
        guard isInside(target, root: root) else {
            return FileSystemError(path: path, reason: "is a symbolic link to \(target), outside \(folder); argmark does not follow links out of a folder it was given (pass the target itself to use it)")
        }
        return nil
    }

    private static func walk(_ directory: String, root: String, suffix: String, into files: inout [String], errors: inout [FileSystemError], visited: inout Set<String>) {
        // A link inside the folder may lead back up: each real folder is listed once.
        guard visited.insert(Platform.resolvedPath(directory) ?? directory).inserted else { return }
        let entries: [Platform.DirectoryEntry]
        do {
            entries = try Platform.rawEntries(in: directory).filter { $0.name.first != UInt8(ascii: ".") }
        } catch {
            errors.append(FileSystemError(directory, "list", error))
            return
        }
        var names: [String] = []
        var folders: Set<String> = []
        for entry in entries {
            guard let name = String(validating: entry.name, as: UTF8.self) else {
                // Such a file cannot be named in argmark's output or its own paths: say so, never skip it.
                let shown = String(decoding: entry.name, as: UTF8.self).unicodeScalars.map { $0 == "\u{FFFD}" ? "?" : String($0) }.joined()
                let hex = entry.name.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true) }.joined()
                errors.append(FileSystemError(path: join(directory, shown), reason: "file name is not valid UTF-8 (bytes: \(hex)), so argmark cannot read it; rename it (for example with convmv) to check it"))
                continue
            }
            names.append(name)
            if entry.isDirectory { folders.insert(name) }
        }
        for name in names.sorted() {
            let child = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if child.utf8.count > Platform.maximumPathLength {
                if name.hasSuffix(suffix) || folders.contains(name) {
                    errors.append(FileSystemError(path: String(child.prefix(120)) + "…", reason: "path is \(child.utf8.count) bytes, beyond the system's limit of \(Platform.maximumPathLength), so it cannot be opened; move it to a shorter path to check it"))
                }
                continue
            }
            var status: Platform.FileStatus
            do {
                status = try Platform.status(of: child, followingLinks: false)
            } catch {
                errors.append(FileSystemError(child, "read", error))
                continue
            }
            if status.kind == .symbolicLink {
                if let problem = linkProblem(child, inside: root) {
                    // Only links that would have been read matter: a link to a folder, or named like an input.
                    if name.hasSuffix(suffix) || kind(of: child) == .directory { errors.append(problem) }
                    continue
                }
                guard let followed = try? Platform.status(of: child) else { continue }
                status = followed
            }
            switch status.kind {
            case .directory: walk(child, root: root, suffix: suffix, into: &files, errors: &errors, visited: &visited)
            case .file:
                if name.hasSuffix(suffix) { files.append(child) }
            case .symbolicLink, .other: break
            }
        }
    }

    /// Creates `directory` and any missing parents, like `mkdir -p`.
    package static func createDirectory(_ directory: String) throws(FileSystemError) {
        switch kind(of: directory) {
        case .directory: return
        case .file, .other:
            throw FileSystemError(path: directory, reason: "exists and is not a folder; choose another output folder")
        case .missing:
            let parent = directoryName(of: directory)
            if parent != directory, parent != ".", parent != "/" { try createDirectory(parent) }
            do {
                try Platform.createDirectory(directory)
            } catch let failure where failure.kind == .exists {
                return
            } catch {
                throw FileSystemError(directory, "create the folder", error)
            }
        }
    }

    /// The folder part of `path` (`.` for a bare file name).
    package static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of `path`.
    package static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `directory/name`.
    package static func join(_ directory: String, _ name: String) -> String {
        directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
    }
}
