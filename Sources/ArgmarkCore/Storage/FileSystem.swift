#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure to read or write a path, with the system's reason.
public struct FileSystemError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }

    static func fromErrno(_ path: String, _ action: String, _ code: Int32 = errno) -> FileSystemError {
        let reason: String
        switch code {
        case ENOENT: reason = "no such file or directory; check the path"
        case EACCES, EPERM: reason = "permission denied (\(action)); check the file's permissions"
        case EISDIR: reason = "is a directory, not a file; pass a file"
        case ENOTDIR: reason = "a component of the path is a file, not a folder"
        case EROFS: reason = "read-only file system; write somewhere writable"
        case ENOSPC: reason = "no space left on device; free some space and run again"
        default: reason = "cannot \(action): \(String(cString: strerror(code)))"
        }
        return FileSystemError(path: path, reason: reason)
    }
}

/// The few file operations argmark needs, straight over POSIX so the core does not load Foundation.
public enum FileSystem {
    public enum Kind: Sendable { case file, directory, other, missing }

    /// What is at `path`, following symbolic links.
    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The largest file argmark reads: far beyond any article (a 1 MB article makes a ~1.2 MB file),
    /// small enough that a hostile file cannot exhaust memory.
    public static let maximumFileSize = 64 << 20

    /// Reads a whole regular file of at most `limit` bytes.
    public static func read(_ path: String, limit: Int = maximumFileSize) throws(FileSystemError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .fromErrno(path, "read") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .fromErrno(path, "read") }
        if info.st_mode & S_IFMT == S_IFDIR { throw FileSystemError(path: path, reason: "is a directory; pass a file, or use a command that takes folders") }
        if Int(info.st_size) > limit {
            throw FileSystemError(path: path, reason: "file is \(Int(info.st_size) >> 20) MiB, larger than the \(limit >> 20) MiB argmark reads; split the article or check that this is the right file")
        }
        // Read straight into an array of the file's size; a file that grows meanwhile is read on
        // in chunks up to the limit.
        let expected = Int(info.st_size)
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            while initialized < expected {
                let count = Glibc.read(descriptor, buffer.baseAddress! + initialized, expected - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { break }
                initialized += count
            }
        }
        if failure != 0 { throw .fromErrno(path, "read", failure) }
        if bytes.count == expected {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .fromErrno(path, "read")
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

    /// Flushes every file written on the file system that holds `folder` (Linux's `syncfs`; plain
    /// `sync` elsewhere): one call instead of one `fsync` per file when many files are written.
    static func syncFileSystem(containing folder: String) -> FileSystemError? {
        #if os(Linux)
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return .fromErrno(folder, "open the folder to flush it") }
        defer { close(descriptor) }
        guard linuxSyncfs(descriptor) == 0 else { return .fromErrno(folder, "flush to disk") }
        #else
        sync()
        #endif
        return nil
    }

    #if os(Linux)
    /// glibc declares `syncfs` only under `_GNU_SOURCE`, which Swift's Glibc module does not set.
    @_silgen_name("syncfs") private static func linuxSyncfs(_ descriptor: Int32) -> Int32
    #endif

    /// Makes the names created in `folder` durable. Best effort: the files are complete either way.
    package static func flushFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Why argmark must not replace `path`: the file or its folder is read-only. A file or folder
    /// without any write permission bit counts as read-only even for root (who could write it
    /// anyway): making it read-only is how a user says "do not touch".
    public static func writeProblem(replacing path: String) -> FileSystemError? {
        let directory = directoryName(of: path)
        var info = stat()
        // An unreadable file is left to the read, whose error (permission denied) says more.
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(path, R_OK) == 0, access(path, W_OK) != 0 || info.st_mode & 0o222 == 0 {
            return FileSystemError(path: path, reason: "file is read-only, so nothing was written; make it writable (chmod u+w \(path)) to edit it")
        }
        if stat(directory, &info) == 0, access(directory, W_OK) != 0 || info.st_mode & 0o222 == 0 {
            return FileSystemError(path: path, reason: "folder \(directory) is read-only, so nothing was written (argmark replaces files by writing a new one beside them); make the folder writable to edit files in it")
        }
        return nil
    }

    /// The `.xml` files under each path: a file is taken as given, a folder is searched recursively
    /// (hidden entries skipped, symbolic links to folders not followed), in sorted order.
    /// Paths that do not exist or cannot be listed come back as errors.
    public static func expand(_ paths: [String], extension suffix: String) -> (files: [String], errors: [FileSystemError]) {
        var files: [String] = []
        var errors: [FileSystemError] = []
        for path in paths {
            switch kind(of: path) {
            case .file: files.append(path)
            case .directory: walk(path, suffix: suffix, into: &files, errors: &errors)
            case .missing:
                // Say why: missing, or a file used as a folder on the way (ENOTDIR), or no permission.
                var info = stat()
                let code = stat(path, &info) == 0 ? ENOENT : errno
                errors.append(.fromErrno(path, "read", code))
            case .other: errors.append(FileSystemError(path: path, reason: "not a regular file or folder"))
            }
        }
        return (files, errors)
    }

    private static func walk(_ directory: String, suffix: String, into files: inout [String], errors: inout [FileSystemError]) {
        guard let handle = opendir(directory) else {
            errors.append(.fromErrno(directory, "list"))
            return
        }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(handle)
        for name in names.sorted() {
            let child = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard lstat(child, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(child, suffix: suffix, into: &files, errors: &errors)
            case S_IFREG, S_IFLNK:
                if name.hasSuffix(suffix), kind(of: child) == .file { files.append(child) }
            default: break
            }
        }
    }

    /// The folder part of `path` (`.` for a bare file name).
    public static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of `path`.
    public static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `directory/name`.
    public static func join(_ directory: String, _ name: String) -> String {
        directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
    }
}
