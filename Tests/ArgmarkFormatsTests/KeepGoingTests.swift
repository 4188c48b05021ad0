import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

/// `import --keep-going` and the staging folder every write goes through, run as a user would.
@Suite("import --keep-going and staging")
struct KeepGoingTests {
    /// A brat folder: one good file, one with a self-loop and a support cycle, one with a bad offset.
    static func makeInputs(in folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try "No. Yes.\n".write(toFile: folder + "/in/good.txt", atomically: true, encoding: .utf8)
        try "T1\tClaim 0 3\tNo.\nT2\tClaim 4 8\tYes.\nR1\tsupports Arg1:T1 Arg2:T2\n".write(toFile: folder + "/in/good.ann", atomically: true, encoding: .utf8)
        try "No. Yes.\n".write(toFile: folder + "/in/loops.txt", atomically: true, encoding: .utf8)
        try "T1\tClaim 0 3\tNo.\nT2\tClaim 4 8\tYes.\nR1\tsupports Arg1:T1 Arg2:T1\nR2\tsupports Arg1:T1 Arg2:T2\nR3\tsupports Arg1:T2 Arg2:T1\n"
            .write(toFile: folder + "/in/loops.ann", atomically: true, encoding: .utf8)
        try "No. Yes.\n".write(toFile: folder + "/in/negative.txt", atomically: true, encoding: .utf8)
        try "T1\tClaim -1 3\tNo.\n".write(toFile: folder + "/in/negative.ann", atomically: true, encoding: .utf8)
    }

    @Test("without --keep-going nothing is written; with it, the importable inputs are, each dropped relation is named, the refused input is listed, exit 1")
    func keepGoing() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.makeInputs(in: folder)
        let strict = try ArgmarkProcess.run(["import", "--from", "brat", folder + "/in", "-o", folder + "/out"])
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("negative.ann:1: error: span T1 has a negative offset (-1)"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))

        let result = try ArgmarkProcess.run(["import", "--from", "brat", "--keep-going", folder + "/in", "-o", folder + "/out"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("loops.ann: warning: dropped relation R1 (supports R1 in the source): relation R1 points from T1 to itself [self-relation]"), "\(result.standardError)")
        #expect(result.standardError.contains("loops.ann: warning: dropped relation R3 (supports R3 in the source): supports relations form a cycle: T1 → T2 → T1 [support-cycle]"))
        #expect(result.standardError.contains("not imported (1):\n  \(folder)/in/negative.ann\n"))
        #expect(result.standardOutput.contains(": 2 documents, 4 units"))
        #expect(Corpora.contents(of: folder + "/out") == ["good.xml", "loops.xml"])
        let loops = try String(contentsOfFile: folder + "/out/loops.xml", encoding: .utf8)
        #expect(loops.contains("id=\"R2\""))
        #expect(!loops.contains("id=\"R1\"") && !loops.contains("id=\"R3\""))
        #expect(try ArgmarkProcess.run(["validate", folder + "/out"]).status == 0)

        // Nothing to drop: exit 0.
        let clean = try ArgmarkProcess.run(["import", "--from", "brat", "--keep-going", folder + "/in/good.ann", "-o", folder + "/clean"])
        #expect(clean.status == 0, "\(clean.standardError)")
    }

    @Test("writes go through a staging folder that is gone afterwards; one left by a killed run is removed, and a re-run works")
    func staging() throws {
        let folder = try Corpora.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.makeInputs(in: folder)
        // What a run killed while staging leaves: a staging folder of a process that is gone.
        let abandoned = folder + "/out/.argmark-staging-2147483646-abcdef"
        try FileManager.default.createDirectory(atPath: abandoned, withIntermediateDirectories: true)
        try "half".write(toFile: abandoned + "/good.xml", atomically: true, encoding: .utf8)
        let result = try ArgmarkProcess.run(["import", "--from", "brat", folder + "/in/good.ann", "-o", folder + "/out"])
        #expect(result.status == 0, "\(result.standardError)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").sorted()
        #expect(entries == ["good.xml"])
        let export = try ArgmarkProcess.run(["export", "--to", "argdown", folder + "/out", "-o", folder + "/out/argdown"])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out/argdown") == ["good.argdown"])
    }
}
