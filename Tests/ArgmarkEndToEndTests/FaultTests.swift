import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Faults while writing: many concurrent writers, writers killed mid-write, read-only files and
/// folders. The file must always be valid and either as before or as after a command.
@Suite(.serialized) struct FaultTests {
    /// An article of `count` distinct sentences, so each writer can add its own unit.
    static func makeArticle(sentences count: Int, in folder: URL) throws -> String {
        let text = (1...count).map { "Sentence number \($0) is here." }.joined(separator: " ") + "\n"
        try text.write(to: folder.appendingPathComponent("article.txt"), atomically: true, encoding: .utf8)
        let created = try ArgmarkProcess.run(["new", "article.txt", "-o", "article.xml", "--id", "faults"], in: folder)
        #expect(created.status == 0, "\(created.standardError)")
        return folder.appendingPathComponent("article.xml").path
    }

    static func unitCount(_ path: String) throws -> Int {
        let loaded = try ArticleLoader.load(path)
        #expect(loaded.isValid, "\(loaded.diagnostics)")
        return loaded.article.units.count
    }

    /// Output that cannot be written (a full disk) is a failure with a message, never exit 0.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func fullStandardOutputIsAnError() throws {
        let process = Process()
        process.executableURL = ArgmarkProcess.executable
        process.arguments = ["report", "Annotations", "--format", "json"]
        process.currentDirectoryURL = ArgmarkProcess.packageRoot
        process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.hasPrefix("argmark: error: cannot write to standard output (No space left on device)"), "\(message)")
    }

    @Test func hundredConcurrentWritersAllLand() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.makeArticle(sentences: 100, in: folder)
        var processes: [Process] = []
        for number in 1...100 {
            let process = Process()
            process.executableURL = ArgmarkProcess.executable
            process.arguments = ["add", path, "claim", "--quote", "Sentence number \(number) is here."]
            process.standardOutput = ArgmarkProcess.devNull
            process.standardError = ArgmarkProcess.devNull
            processes.append(process)
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        #expect(try Self.unitCount(path) == 100)
        let validate = try ArgmarkProcess.run(["validate", path])
        #expect(validate.status == 0, "\(validate.standardError)")
    }

    /// 200 writes, each killed with SIGKILL after a random delay within the time a write takes:
    /// after each, the file is valid and has either the units it had or one more.
    @Test func writersKilledAtRandomMomentsNeverLeaveAPartialFile() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.makeArticle(sentences: 200, in: folder)
        // How long one undisturbed write takes, to spread the kills over all its phases.
        let clock = ContinuousClock()
        let typical = try clock.measure {
            let result = try ArgmarkProcess.run(["add", path, "evidence", "--quote", "Sentence number 1 is here."])
            #expect(result.status == 0, "\(result.standardError)")
        }
        var window = max(2_000, Int(typical / .microseconds(1)) * 3 / 2)
        var units = try Self.unitCount(path)
        var landed = 0
        var random = SeededRandom("writersKilledAtRandomMoments", default: 2018)
        for number in 1...200 {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let process = Process()
            process.executableURL = ArgmarkProcess.executable
            process.arguments = ["add", path, "claim", "--quote", "Sentence number \(number) is here."]
            process.standardOutput = ArgmarkProcess.devNull
            process.standardError = ArgmarkProcess.devNull
            try process.run()
            usleep(UInt32(random.below(window)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try Data(contentsOf: URL(fileURLWithPath: path))
            let count = try Self.unitCount(path)
            #expect(count == units || count == units + 1, "iteration \(number): \(units) units before, \(count) after")
            if count == units { #expect(after == before, "iteration \(number): same units but different bytes") }
            if count == units + 1 { landed += 1 }
            units = count
            // Keep the kills spread over a write even if the machine's speed changes under load.
            if number % 50 == 0 {
                if landed == 0 { window *= 2 } else if landed == number { window = max(1_000, window / 2) }
            }
        }
        // Leftover temporary files of killed writers are hidden and never read as articles.
        let validate = try ArgmarkProcess.run(["validate", folder.path])
        #expect(validate.status == 0, "\(validate.standardError)")
        #expect(validate.standardError.hasSuffix("1 file, 0 errors, 0 warnings\n"), "\(validate.standardError)")
        // The kills hit before, during and after writes: some landed, some did not.
        #expect(landed > 0 && landed < 200, "\(landed) of 200 writes landed")
    }

    @Test func readOnlyFileIsRefusedAndUnchanged() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.makeArticle(sentences: 3, in: folder)
        chmod(path, 0o444)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let add = try ArgmarkProcess.run(["add", path, "claim", "--quote", "Sentence number 1 is here."])
        #expect(add.status == 1)
        #expect(add.standardError == "\(path): error: file is read-only, so nothing was written; make it writable (chmod u+w \(path)) to edit it\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["article.txt", "article.xml"])
    }

    @Test func readOnlyFolderIsRefusedAndNothingIsWritten() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer {
            chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        let path = try Self.makeArticle(sentences: 3, in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        chmod(folder.path, 0o555)
        for unprivileged in [false, true] where !unprivileged || (TimedProcess.isRoot && TimedProcess.canRunUnprivileged) {
            let add = try TimedProcess.runArgmark(["add", path, "claim", "--quote", "Sentence number 1 is here."], unprivileged: unprivileged)
            #expect(add.result.status == 1, "\(add.result.standardError)")
            // As root the folder's mode bits decide; as nobody the file itself is not writable either.
            let expected = unprivileged ? "is read-only, so nothing was written" : "error: folder \(folder.path) is read-only, so nothing was written"
            #expect(add.result.standardError.contains(expected), "\(add.result.standardError)")
            let new = try TimedProcess.runArgmark(["new", folder.appendingPathComponent("article.txt").path, "-o", folder.appendingPathComponent("other.xml").path, "--id", "other"], unprivileged: unprivileged)
            #expect(new.result.status != 0)
            #expect(new.result.standardError.contains("read-only"), "\(new.result.standardError)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["article.txt", "article.xml"])
    }
}
