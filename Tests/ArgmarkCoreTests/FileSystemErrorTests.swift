import Foundation
import Testing
@testable import ArgmarkCore

#if canImport(Glibc)
import Glibc
#endif

/// Messages for failures that the end-to-end tests cannot always provoke (as root, the kernel
/// lets every read and write through), and the size limit, tested at a small limit.
@Suite struct FileSystemErrorTests {
    @Test func permissionDeniedSaysSo() {
        let error = FileSystemError("a.xml", "read", Platform.Failure(code: EACCES))
        #expect(error.description == "a.xml: permission denied (read); check the file's permissions")
        #expect(FileSystemError("a.xml", "replace", Platform.Failure(code: EROFS)).reason == "read-only file system; write somewhere writable")
        #expect(FileSystemError("a.xml", "write", Platform.Failure(code: ENOSPC)).reason == "no space left on device; free some space and run again")
        #expect(FileSystemError("a.xml", "read", Platform.Failure(code: ENOENT)).reason == "no such file or directory; check the path")
        #expect(FileSystemError("a.xml", "read", Platform.Failure(code: EISDIR)).reason == "is a directory, not a file; pass a file")
        #expect(FileSystemError("a/b.xml", "read", Platform.Failure(code: ENOTDIR)).reason == "a component of the path is a file, not a folder")
    }

    @Test func sizeLimitIsCheckedBeforeReading() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-size-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.xml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x20, count: 3 << 20)))
        #expect(throws: FileSystemError.self) { try FileSystem.read(path, limit: 2 << 20) }
        do {
            _ = try FileSystem.read(path, limit: 2 << 20)
        } catch {
            #expect(error.reason == "file is 3 MiB, larger than the 2 MiB argmark reads; split the article or check that this is the right file")
        }
        #expect(try FileSystem.read(path, limit: 4 << 20).count == 3 << 20)
    }

    @Test func readOnlyFilesAndFoldersAreNotReplaced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer {
            chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        let path = folder.appendingPathComponent("a.xml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("old".utf8)))
        chmod(path, 0o444)
        #expect(throws: FileSystemError.self) { try AtomicFile.write(Array("new".utf8), to: path) }
        #expect(FileSystem.writeProblem(replacing: path)?.reason.hasPrefix("file is read-only") == true)
        chmod(path, 0o644)
        chmod(folder.path, 0o555)
        #expect(FileSystem.writeProblem(replacing: path)?.reason.hasPrefix("folder ") == true)
        #expect(throws: FileSystemError.self) { try AtomicFile.write(Array("new".utf8), to: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.xml"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    }
}
