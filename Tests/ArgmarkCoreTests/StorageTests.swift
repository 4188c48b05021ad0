import Foundation
import Testing
@testable import ArgmarkCore

@Suite struct StorageTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func writeReplacesContentAndKeepsPermissions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.xml").path
        try AtomicFile.write(Array("one".utf8), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write(Array("two".utf8), to: path)
        #expect(try FileSystem.read(path) == Array("two".utf8))
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.xml"])
    }

    /// Content written in pieces replaces the file only once all of it is written; a producer
    /// that fails half way leaves the old file and no temporary file.
    @Test func aStreamedWriteIsAllOrNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.json").path
        try AtomicFile.write(to: path) { emit throws(FileSystemError) in
            for piece in ["one ", "two ", "three"] { try emit(Array(piece.utf8)) }
        }
        #expect(try FileSystem.read(path) == Array("one two three".utf8))
        #expect(throws: FileSystemError.self) {
            try AtomicFile.write(to: path) { emit throws(FileSystemError) in
                try emit(Array("partial".utf8))
                throw FileSystemError(path: path, reason: "the producer failed")
            }
        }
        #expect(try FileSystem.read(path) == Array("one two three".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test func refusingToOverwriteLeavesTheFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.xml").path
        try AtomicFile.write(Array("one".utf8), to: path, overwrite: false)
        #expect(throws: FileSystemError.self) { try AtomicFile.write(Array("two".utf8), to: path, overwrite: false) }
        #expect(try FileSystem.read(path) == Array("one".utf8))
    }

    @Test func writingIntoAMissingFolderNamesTheFolderAndTheFix() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing/a.xml").path
        let error = try #require(throws: FileSystemError.self) { try AtomicFile.write(Array("one".utf8), to: path) }
        #expect(error.path == path)
        #expect(error.reason.contains("folder \(folder.path)/missing does not exist"), "\(error)")
        #expect(error.reason.contains("mkdir -p"), "\(error)")
    }

    @Test func writingOverAFolderNamesTheFix() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: FileSystemError.self) { try AtomicFile.write(Array("one".utf8), to: folder.path) }
        #expect(error.reason == "is a directory, not a file; give the path of a file to write")
    }

    @Test func devicesAreWrittenIntoNeverReplaced() throws {
        try AtomicFile.write(Array("discarded".utf8), to: "/dev/null")
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial)
    }

    @Test func symbolicLinksKeepPointingAtTheEditedFileAndShareItsLock() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("real.xml").path
        let link = folder.appendingPathComponent("link.xml").path
        try AtomicFile.write(Array("one".utf8), to: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.xml")
        try AtomicFile.write(Array("two".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.xml")
        #expect(try FileSystem.read(target) == Array("two".utf8))
        let linkLockPath = try FileLock(for: link).lockPath
        let targetLockPath = try FileLock(for: target).lockPath
        #expect(linkLockPath == targetLockPath)
    }

    @Test func oversizedFilesAreRefusedBeforeReading() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.xml").path
        try Data(repeating: 0x20, count: 2048).write(to: URL(fileURLWithPath: path))
        #expect(throws: FileSystemError.self) { try FileSystem.read(path, limit: 1024) }
        #expect(try FileSystem.read(path, limit: 4096).count == 2048)
    }
}
