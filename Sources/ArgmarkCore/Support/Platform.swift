#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating-system calls argmark makes, and the only file in `Sources/` that imports the C
/// library: everything else (the core, the other libraries, the CLI) goes through these, so a port
/// or a change of policy (EINTR, close-on-exec) happens in one place. The layer check keeps it so.
package enum Platform {
    package typealias Descriptor = Int32
    package static let standardInput: Descriptor = 0
    package static let standardOutput: Descriptor = 1
    package static let standardError: Descriptor = 2

    /// A failed system call: the C `errno`, classified.
    package struct Failure: Error, Sendable {
        package var code: Int32

        package enum Kind: Sendable, Equatable {
            case missing, permissionDenied, isDirectory, notDirectory, readOnlyFileSystem, noSpace, exists, other
        }

        package var kind: Kind {
            switch code {
            case ENOENT: .missing
            case EACCES, EPERM: .permissionDenied
            case EISDIR: .isDirectory
            case ENOTDIR: .notDirectory
            case EROFS: .readOnlyFileSystem
            case ENOSPC: .noSpace
            case EEXIST: .exists
            default: .other
            }
        }

        /// The system's own wording (`strerror`).
        package var systemMessage: String { String(cString: strerror(code)) }

        static var current: Failure { Failure(code: errno) }

        /// Whether the call refused to follow a symbolic link (`ELOOP`, as `O_NOFOLLOW` gives).
        package var isSymbolicLinkRefused: Bool { code == ELOOP }

        /// `ENOENT`, for a path found missing without a failed call.
        package static var missingCode: Int32 { ENOENT }
    }

    // MARK: Paths

    package enum FileKind: Sendable, Equatable { case file, directory, symbolicLink, other }

    /// What `stat` (or `lstat`) says about a path or an open file.
    package struct FileStatus: Sendable {
        package var kind: FileKind
        /// The permission bits (`0o7777`).
        package var permissions: UInt32
        package var size: Int
        /// Device and inode: which file this is, whatever its name.
        package var identity: [UInt64]

        init(_ info: stat) {
            switch info.st_mode & S_IFMT {
            case S_IFREG: kind = .file
            case S_IFDIR: kind = .directory
            case S_IFLNK: kind = .symbolicLink
            default: kind = .other
            }
            permissions = UInt32(info.st_mode & 0o7777)
            size = Int(info.st_size)
            identity = [UInt64(info.st_dev), UInt64(info.st_ino)]
        }
    }

    /// The status of `path`, following symbolic links unless `followingLinks` is false.
    package static func status(of path: String, followingLinks: Bool = true) throws(Failure) -> FileStatus {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { throw .current }
        return FileStatus(info)
    }

    package static func status(of descriptor: Descriptor) throws(Failure) -> FileStatus {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .current }
        return FileStatus(info)
    }

    /// The canonical absolute path (`realpath`), or nil when it cannot be resolved.
    package static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    package enum Access: Sendable { case read, write }

    /// Whether the calling user may read or write `path` (`access`).
    package static func isAllowed(_ access: Access, _ path: String) -> Bool {
        libcAccess(path, access == .read ? R_OK : W_OK) == 0
    }

    /// The names in a folder (`.` and `..` left out), in the order the system gives them.
    package static func entries(in directory: String) throws(Failure) -> [String] {
        guard let handle = opendir(directory) else { throw .current }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return names
    }

    /// A folder entry as the system stores it: the name's bytes (which need not be UTF-8) and
    /// whether the folder says it is a folder (`d_type`; false when it does not know).
    package struct DirectoryEntry: Sendable {
        package var name: [UInt8]
        package var isDirectory: Bool
    }

    /// The entries of a folder (`.` and `..` left out), names as raw bytes.
    package static func rawEntries(in directory: String) throws(Failure) -> [DirectoryEntry] {
        guard let handle = opendir(directory) else { throw .current }
        defer { closedir(handle) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            entries.append(DirectoryEntry(name: name, isDirectory: entry.pointee.d_type == UInt8(DT_DIR)))
        }
        return entries
    }

    /// The longest path the system accepts, in bytes (`PATH_MAX` less its terminating NUL).
    package static let maximumPathLength = Int(PATH_MAX) - 1

    package static func createDirectory(_ path: String, permissions: UInt32 = 0o755) throws(Failure) {
        guard mkdir(path, mode_t(permissions)) == 0 else { throw .current }
    }

    /// Creates a new folder from a `mkdtemp` template ending in `XXXXXX`; returns its path.
    package static func createUniqueDirectory(template: String) throws(Failure) -> String {
        var bytes = Array(template.utf8CString)
        guard bytes.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else { throw .current }
        return String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes an empty folder.
    package static func removeDirectory(_ path: String) {
        _ = rmdir(path)
    }

    package static func rename(_ source: String, to destination: String) throws(Failure) {
        guard libcRename(source, destination) == 0 else { throw .current }
    }

    /// A second name for a file; fails with `.exists` when `destination` exists.
    package static func link(_ source: String, to destination: String) throws(Failure) {
        guard libcLink(source, destination) == 0 else { throw .current }
    }

    package static func removeFile(_ path: String) {
        _ = unlink(path)
    }

    // MARK: Descriptors

    /// `lockFile`: read-write, created if missing, never through a symbolic link (`O_NOFOLLOW`)
    /// and never blocking on a FIFO put in its place (`O_NONBLOCK`).
    package enum OpenMode: Sendable { case read, writeExisting, readWriteCreating, lockFile }

    /// Opens `path` (close-on-exec, so a child process never inherits argmark's files).
    package static func open(_ path: String, _ mode: OpenMode, permissions: UInt32 = 0o644) throws(Failure) -> Descriptor {
        let descriptor: Int32 = switch mode {
        case .read: libcOpen(path, O_RDONLY | O_CLOEXEC)
        case .writeExisting: libcOpen(path, O_WRONLY | O_CLOEXEC)
        case .readWriteCreating: libcOpen(path, O_RDWR | O_CREAT | O_CLOEXEC, mode_t(permissions))
        case .lockFile: libcOpen(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, mode_t(permissions))
        }
        guard descriptor >= 0 else { throw .current }
        return descriptor
    }

    /// Creates a new file from a `mkstemp` template ending in `XXXXXX`; returns it open and its path.
    package static func createUniqueFile(template: String) throws(Failure) -> (descriptor: Descriptor, path: String) {
        var bytes = Array(template.utf8CString)
        let descriptor = bytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .current }
        return (descriptor, String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    package static func close(_ descriptor: Descriptor) {
        _ = libcClose(descriptor)
    }

    /// How many files this process may have open at once (the soft `RLIMIT_NOFILE`).
    package static var openFileLimit: Int {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0 else { return 1024 }
        return Int(clamping: limit.rlim_cur)
    }

    /// Reads up to `count` bytes into `buffer`, retrying when interrupted; 0 at the end of the file.
    package static func read(_ descriptor: Descriptor, into buffer: UnsafeMutableRawPointer, count: Int) throws(Failure) -> Int {
        while true {
            let result = libcRead(descriptor, buffer, count)
            if result >= 0 { return result }
            if errno != EINTR { throw .current }
        }
    }

    /// Reads up to `count` bytes at `offset` of the file (`pread`: the file position stays where
    /// it is), retrying when interrupted; 0 at the end of the file.
    package static func read(_ descriptor: Descriptor, into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) throws(Failure) -> Int {
        while true {
            let result = pread(descriptor, buffer, count, off_t(offset))
            if result >= 0 { return result }
            if errno != EINTR { throw .current }
        }
    }

    /// Writes all of `bytes`, retrying after interruptions and short writes.
    package static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Descriptor) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = libcWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .current
            }
            offset += written
        }
    }

    package static func write(_ bytes: [UInt8], to descriptor: Descriptor) throws(Failure) {
        let failure: Failure? = bytes.withUnsafeBytes { buffer in
            do throws(Failure) { try write(buffer, to: descriptor) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    package static func setPermissions(_ descriptor: Descriptor, _ permissions: UInt32) {
        _ = fchmod(descriptor, mode_t(permissions))
    }

    /// Flushes the file's data to the disk (`fsync`).
    package static func flushToDisk(_ descriptor: Descriptor) throws(Failure) {
        guard fsync(descriptor) == 0 else { throw .current }
    }

    /// Flushes every file of the file system that holds the open file (`syncfs` on Linux; `sync`,
    /// which flushes them all, elsewhere).
    package static func flushFileSystem(_ descriptor: Descriptor) throws(Failure) {
        #if os(Linux)
        guard linuxSyncfs(descriptor) == 0 else { throw .current }
        #else
        sync()
        #endif
    }

    #if os(Linux)
    /// glibc declares `syncfs` only under `_GNU_SOURCE`, which Swift's Glibc module does not set.
    @_silgen_name("syncfs") private static func linuxSyncfs(_ descriptor: Int32) -> Int32
    #endif

    /// Blocks until this process holds the exclusive advisory lock (`flock`) on the file.
    package static func lockExclusively(_ descriptor: Descriptor) throws(Failure) {
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR { throw .current }
        }
    }

    package static func unlock(_ descriptor: Descriptor) {
        _ = flock(descriptor, LOCK_UN)
    }

    // MARK: Process

    package static var processID: Int32 { getpid() }

    /// Whether a process with this id exists (signal 0 probes without sending anything).
    package static func processExists(_ id: Int32) -> Bool {
        kill(id, 0) == 0 || errno != ESRCH
    }

    package static func isTerminal(_ descriptor: Descriptor) -> Bool { isatty(descriptor) == 1 }

    package static func environmentValue(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    package static func exit(_ code: Int32) -> Never { libcExit(code) }

    /// The running program's own file, links resolved (`/proc/self/exe`; `_NSGetExecutablePath`
    /// on macOS), so a program started through a link on `PATH` finds the files installed beside
    /// its real self; nil where the system cannot say.
    package static var executablePath: String? {
        #if canImport(Darwin)
        var size: UInt32 = 0
        _ = _NSGetExecutablePath(nil, &size)
        var buffer = [CChar](repeating: 0, count: Int(size) + 1)
        guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
        return resolvedPath(String(cString: buffer))
        #else
        return resolvedPath("/proc/self/exe")
        #endif
    }

    /// Replaces this process by the program at `path` (`execv`): the same process id, the same
    /// standard streams and environment, so the caller's signals and exit status reach the
    /// program directly, with `setting` added to the environment. `arguments` start with the
    /// program's name. Returns only on failure, with the environment as it was.
    package static func replaceProcess(with path: String, arguments: [String], setting: [(name: String, value: String)] = []) -> Failure {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let previous = setting.map { (name: $0.name, value: environmentValue($0.name)) }
        for variable in setting { setenv(variable.name, variable.value, 1) }
        _ = execv(path, &argv)
        let failure = Failure.current
        for variable in previous {
            if let value = variable.value { setenv(variable.name, value, 1) } else { unsetenv(variable.name) }
        }
        return failure
    }

    // MARK: Memory and arithmetic

    /// Whether `count` bytes at `lhs` and `rhs` are equal (`memcmp`, vectorised by the C library).
    package static func bytesEqual(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer, count: Int) -> Bool {
        memcmp(lhs, rhs, count) == 0
    }

    /// The length of a NUL-terminated C string (`strlen`).
    package static func cStringLength(_ string: UnsafePointer<CChar>) -> Int { strlen(string) }

    /// e raised to `value` (the C library's `exp`; the standard library has none).
    package static func exponential(_ value: Double) -> Double { exp(value) }
    package static func logarithm(_ value: Double) -> Double { log(value) }
}

// The C functions whose names Platform's own members shadow, reached under other names.
private func libcAccess(_ path: String, _ mode: Int32) -> Int32 { access(path, mode) }
private func libcRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
private func libcLink(_ source: String, _ destination: String) -> Int32 { link(source, destination) }
private func libcOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
private func libcOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func libcClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func libcRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(descriptor, buffer, count) }
private func libcWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, buffer, count) }
private func libcExit(_ code: Int32) -> Never { exit(code) }
#if canImport(Glibc)
private let resourceNoFile = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
#else
private let resourceNoFile = RLIMIT_NOFILE
#endif
