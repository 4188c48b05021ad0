import ArgmarkTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hostile input, round two (issue 17): files outside the target, locks, silent skips. Each case
/// runs the built binary and checks the exit, the message, and that nothing outside the output
/// folder (or the file given) changed.
@Suite struct HostileRoundTwoTests {
    static let samples = ArgmarkProcess.packageRoot.appendingPathComponent("Tests/ArgmarkFormatsTests/Fixtures/samples/arg-microtexts/corpus/en")
    static let bratFixture = ArgmarkProcess.packageRoot.appendingPathComponent("Tests/ArgmarkFormatsTests/Fixtures/brat/good")
    static let seed = ArgmarkProcess.packageRoot.appendingPathComponent("Annotations")

    /// A folder with `victim.txt` outside the folder the command is given (`work/`).
    struct Scene {
        let root: URL
        var work: URL { root.appendingPathComponent("work") }
        var victim: URL { root.appendingPathComponent("victim.txt") }
        static let victimText = "do not touch\n"

        init() throws {
            root = try ArgmarkProcess.temporaryFolder()
            try FileManager.default.createDirectory(at: root.appendingPathComponent("work"), withIntermediateDirectories: true)
            try Data(Self.victimText.utf8).write(to: root.appendingPathComponent("victim.txt"))
        }

        func path(_ name: String) -> String { work.appendingPathComponent(name).path }

        func expectVictimUntouched(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            #expect(try String(contentsOf: victim, encoding: .utf8) == Self.victimText, "the file outside the folder was changed", sourceLocation: sourceLocation)
            var info = stat()
            #expect(lstat(victim.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG, sourceLocation: sourceLocation)
        }

        func cleanUp() { try? FileManager.default.removeItem(at: root) }
    }

    /// A microtext like the sample micro_b001, with its own id and topic (a stance target).
    static func writeMicrotext(id: String, topic: String, into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let xml = try String(contentsOf: samples.appendingPathComponent("micro_b001.xml"), encoding: .utf8)
            .replacing("micro_b001", with: id).replacing("topic_id=\"waste_separation\"", with: "topic_id=\"\(topic)\"")
        try xml.write(to: folder.appendingPathComponent("\(id).xml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: samples.appendingPathComponent("micro_b001.txt"), to: folder.appendingPathComponent("\(id).txt"))
    }

    // MARK: Locks

    /// Six imports into one folder at once, each adding its own stance target to corpus.xml:
    /// all six must be there afterwards (it kept 1 to 5 when import did not lock corpus.xml).
    @Test func concurrentImportsKeepEveryTarget() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        for round in 0..<3 {
            let output = scene.work.appendingPathComponent("out\(round)")
            var processes: [Process] = []
            for index in 1...6 {
                let input = scene.work.appendingPathComponent("in\(round)-\(index)")
                try Self.writeMicrotext(id: "doc\(index)", topic: "topic_\(index)", into: input)
                let process = Process()
                process.executableURL = ArgmarkProcess.executable
                process.arguments = ["import", "--from", "microtexts", input.path, "-o", output.path]
                process.standardOutput = ArgmarkProcess.devNull
                process.standardError = ArgmarkProcess.devNull
                processes.append(process)
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
            let corpus = try String(contentsOf: output.appendingPathComponent("corpus.xml"), encoding: .utf8)
            for index in 1...6 { #expect(corpus.contains("<target id=\"topic_\(index)\""), "round \(round): topic_\(index) lost:\n\(corpus)") }
            let validate = try ArgmarkProcess.run(["validate", output.path])
            #expect(validate.status == 0, "\(validate.standardError)")
            // The locks leave nothing behind in the output folder.
            let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
            #expect(names == ["corpus.xml"] + (1...6).map { "doc\($0).xml" })
        }
    }

    /// A `.NAME.lock` planted as a symbolic link (to a file that does not exist yet, or to one that
    /// does) is refused: the edit writes nothing, creates nothing where the link points.
    @Test(arguments: ["missing-target", "existing-target"])
    func plantedLockSymlinkIsRefused(_ variant: String) throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        try FileManager.default.copyItem(atPath: Self.seed.appendingPathComponent("seed-000.xml").path, toPath: scene.path("a.xml"))
        try FileManager.default.copyItem(atPath: Self.seed.appendingPathComponent("corpus.xml").path, toPath: scene.path("corpus.xml"))
        let before = try Data(contentsOf: URL(fileURLWithPath: scene.path("a.xml")))
        let planted = scene.root.appendingPathComponent("planted")
        if variant == "existing-target" { try Data("keep\n".utf8).write(to: planted) }
        try FileManager.default.createSymbolicLink(atPath: scene.path(".a.xml.lock"), withDestinationPath: planted.path)
        let result = try ArgmarkProcess.run(["set", scene.path("a.xml"), "u1", "--note", "x"])
        #expect(result.status != 0)
        #expect(result.standardError.contains(".a.xml.lock: error: the lock file is a symbolic link"), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scene.path("a.xml"))) == before)
        if variant == "existing-target" {
            #expect(try String(contentsOf: planted, encoding: .utf8) == "keep\n")
        } else {
            #expect(!FileManager.default.fileExists(atPath: planted.path), "the edit created the file the planted lock points at")
        }
    }

    /// A FIFO in the lock file's place would block the open forever; it is refused at once.
    @Test func fifoAsLockFileIsRefusedWithoutHanging() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        try FileManager.default.copyItem(atPath: Self.seed.appendingPathComponent("seed-000.xml").path, toPath: scene.path("a.xml"))
        try FileManager.default.copyItem(atPath: Self.seed.appendingPathComponent("corpus.xml").path, toPath: scene.path("corpus.xml"))
        #expect(mkfifo(scene.path(".a.xml.lock"), 0o644) == 0)
        let outcome = try TimedProcess.runArgmark(["set", scene.path("a.xml"), "u1", "--note", "x"], timeout: 120)
        #expect(!outcome.timedOut)
        #expect(outcome.result.status != 0)
        #expect(outcome.result.standardError.contains("the lock file is not a regular file"), "\(outcome.result.standardError)")
    }

    // MARK: Files outside the target

    /// `import --overwrite` into a folder where an output name is a symbolic link to a file
    /// outside, or a subfolder is a link to a folder outside: refused, nothing written anywhere.
    @Test(arguments: ["file-link", "folder-link"])
    func importNeverWritesThroughLinks(_ variant: String) throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        let input = scene.work.appendingPathComponent("in")
        try Self.writeMicrotext(id: "doc1", topic: "topic_1", into: input.appendingPathComponent("en"))
        let output = scene.work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let outside = scene.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        if variant == "file-link" {
            try FileManager.default.createDirectory(at: output.appendingPathComponent("en"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("en/doc1.xml").path, withDestinationPath: scene.victim.path)
        } else {
            try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("en").path, withDestinationPath: outside.path)
        }
        let result = try ArgmarkProcess.run(["import", "--from", "microtexts", input.path, "-o", output.path, "--overwrite"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("is a symbolic link; argmark never writes through links in an output folder"), "\(result.standardError)")
        try scene.expectVictimUntouched()
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == [], "wrote into the folder outside")
        #expect(FileSystemLinkCheck.isLink(output.appendingPathComponent(variant == "file-link" ? "en/doc1.xml" : "en").path))
    }

    /// `export --overwrite` the same way.
    @Test func exportNeverWritesThroughLinks() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        let output = scene.work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("seed-000.ann").path, withDestinationPath: scene.victim.path)
        let result = try ArgmarkProcess.run(["export", "--to", "brat", Self.seed.appendingPathComponent("seed-000.xml").path, "-o", output.path, "--overwrite"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("seed-000.ann: error: is a symbolic link"), "\(result.standardError)")
        try scene.expectVictimUntouched()
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("seed-000.txt").path), "a partial export was written")
    }

    /// `report --format svg -o DIR` with a map's name planted as a link to a file outside.
    @Test func reportMapsNeverWriteThroughLinks() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        let output = scene.work.appendingPathComponent("maps")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("seed-001.svg").path, withDestinationPath: scene.victim.path)
        let result = try ArgmarkProcess.run(["report", Self.seed.path, "--format", "svg", "-o", output.path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("seed-001.svg: is a symbolic link") || result.standardError.contains("seed-001.svg: error: is a symbolic link"), "\(result.standardError)")
        try scene.expectVictimUntouched()
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["seed-001.svg"])
    }

    /// A brat folder whose `.txt` is a link to a file outside it: the import is refused, and the
    /// outside file's content reaches no output.
    @Test func bratTextLinkedOutOfTheFolderIsRefused() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        let input = scene.work.appendingPathComponent("brat")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try "T1\tClaim 0 2\tdo\n".write(to: input.appendingPathComponent("x.ann"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("x.txt").path, withDestinationPath: scene.victim.path)
        let result = try ArgmarkProcess.run(["import", "--from", "brat", input.path, "-o", scene.path("out")])
        #expect(result.status != 0)
        #expect(result.standardError.contains("x.txt, is a symbolic link to \(scene.victim.resolvingSymlinksInPath().path), outside"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: scene.path("out")))
        // A link that stays inside the folder is followed.
        try FileManager.default.removeItem(at: input.appendingPathComponent("x.txt"))
        try "do it\n".write(to: input.appendingPathComponent("real.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("x.txt").path, withDestinationPath: "real.txt")
        let inside = try ArgmarkProcess.run(["import", "--from", "brat", input.appendingPathComponent("x.ann").path, "-o", scene.path("out")])
        #expect(inside.status == 0, "\(inside.standardError)")
    }

    /// A source document named `corpus` would become corpus.xml, the folder's definitions: refused,
    /// and with --overwrite the real corpus.xml is kept.
    @Test func sourceNamedCorpusIsRefused() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        let input = scene.work.appendingPathComponent("in")
        try Self.writeMicrotext(id: "corpus", topic: "topic_1", into: input)
        let output = scene.work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.seed.appendingPathComponent("corpus.xml").path, toPath: output.appendingPathComponent("corpus.xml").path)
        let before = try Data(contentsOf: output.appendingPathComponent("corpus.xml"))
        for extra in [[], ["--overwrite"]] {
            let result = try ArgmarkProcess.run(["import", "--from", "microtexts", input.path, "-o", output.path] + extra)
            #expect(result.status != 0)
            #expect(result.standardError.contains("the name of the folder's corpus file"), "\(result.standardError)")
            #expect(try Data(contentsOf: output.appendingPathComponent("corpus.xml")) == before)
        }
    }

    // MARK: Silent skips

    /// validate over a folder holding a file it cannot read by name (not UTF-8), one nested beyond
    /// the path-length limit, and a link out of the folder: each is an error saying why, the
    /// summary counts them, the exit is non-zero. (It printed "2 files, 0 errors" and exited 0.)
    @Test func validateCountsWhatItCannotRead() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        for name in ["seed-000.xml", "corpus.xml"] {
            try FileManager.default.copyItem(atPath: Self.seed.appendingPathComponent(name).path, toPath: scene.path(name))
        }
        // A name with the byte 0xFF, made through the C API (Foundation cannot spell it).
        let badName = Array(scene.path("bad").utf8) + [0xFF] + Array(".xml".utf8)
        let descriptor = (badName.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        // Folders nested until the path passes PATH_MAX, made relative to each other with mkdirat.
        var folder = open(scene.work.path, O_RDONLY | O_DIRECTORY)
        let component = String(repeating: "d", count: 200)
        for _ in 0..<25 {
            #expect(mkdirat(folder, component, 0o755) == 0)
            let next = openat(folder, component, O_RDONLY | O_DIRECTORY)
            close(folder)
            folder = next
        }
        let deep = openat(folder, "deep.xml", O_CREAT | O_WRONLY, 0o644)
        close(deep)
        close(folder)
        try FileManager.default.createSymbolicLink(atPath: scene.path("passwd.xml"), withDestinationPath: scene.victim.path)

        let result = try ArgmarkProcess.run(["validate", scene.work.path])
        #expect(result.status != 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.contains { $0.contains("bad?.xml: error: file name is not valid UTF-8 (bytes: bad\\xFF.xml)") }, "\(result.standardError)")
        #expect(lines.contains { $0.contains("error: path is ") && $0.contains("beyond the system's limit") }, "\(result.standardError)")
        #expect(lines.contains { $0.contains("passwd.xml: error: is a symbolic link to") && $0.contains("outside") }, "\(result.standardError)")
        #expect(result.standardError.hasSuffix("2 files, 3 errors, 0 warnings\n"), "\(result.standardError)")
        // Remove the deep folders relative to each other too (their full path is too long for rm).
        Self.removeDeep(scene.work.path, component: component, depth: 25)
    }

    static func removeDeep(_ top: String, component: String, depth: Int) {
        var descriptors = [open(top, O_RDONLY | O_DIRECTORY)]
        for _ in 0..<depth { descriptors.append(openat(descriptors.last!, component, O_RDONLY | O_DIRECTORY)) }
        unlinkat(descriptors.last!, "deep.xml", 0)
        for level in stride(from: depth, to: 0, by: -1) {
            close(descriptors[level])
            unlinkat(descriptors[level - 1], component, AT_REMOVEDIR)
        }
        close(descriptors[0])
    }

    // MARK: Promises kept

    /// Ids are never reused, even after the highest is removed (it was: remove u29, add, and the
    /// new unit was u29 again, so an old reference to u29 pointed at a different unit).
    @Test func idsAreNeverReusedAfterTheHighestIsRemoved() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        for name in ["seed-000.xml", "corpus.xml"] {
            try FileManager.default.copyItem(atPath: Self.seed.appendingPathComponent(name).path, toPath: scene.path(name))
        }
        let file = scene.path("seed-000.xml")
        func run(_ arguments: [String]) throws -> CommandResult {
            let result = try ArgmarkProcess.run(arguments)
            #expect(result.status == 0, "argmark \(arguments.joined(separator: " ")): \(result.standardError)")
            return result
        }
        func units() throws -> [String] { try run(["list", file, "--format", "json"]).standardOutput.matches(of: /"id" *: *"(u[0-9]+)"/).map { String($0.1) } }
        let highest = try units().compactMap { Int($0.dropFirst()) }.max() ?? 0
        #expect(highest > 1)
        _ = try run(["remove", file, "u\(highest)", "--cascade"])
        let added = try run(["add", file, "claim", "--quote", "They are wrong."]).standardOutput
        #expect(added.hasPrefix("u\(highest + 1)"), "\(added)")
        // Twice in a row, and for relations too.
        _ = try run(["remove", file, "u\(highest + 1)"])
        let again = try run(["add", file, "claim", "--quote", "They are wrong."]).standardOutput
        #expect(again.hasPrefix("u\(highest + 2)"), "\(again)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let relationNumbers = text.matches(of: /<relation id="r([0-9]+)"/).compactMap { Int($0.1) }
        let topRelation = try #require(relationNumbers.max())
        // The cascade above removed a relation too, which may have been the highest given out.
        let mark = text.firstMatch(of: /<relations highest-issued="([0-9]+)"/).flatMap { Int($0.1) } ?? 0
        _ = try run(["remove", file, "r\(topRelation)"])
        let related = try run(["relate", file, "u\(highest + 2)", "supports", "u1"]).standardOutput
        #expect(related.hasPrefix("r\(max(topRelation, mark) + 1)"), "\(related)")
        #expect(try run(["validate", scene.work.path]).status == 0)
        if let xmllint = Tools.xmllint {
            let check = try TimedProcess.run([xmllint, "--noout", "--nonet", "--schema", ArgmarkProcess.packageRoot.appendingPathComponent("Schemas/argmark.xsd").path, file], timeout: ArgmarkProcess.hangLimit)
            #expect(check.result.status == 0, "\(check.result.standardError)")
        }
    }

    /// An article with every unit removed keeps its mark in an empty `<units highest-issued="N"/>`.
    @Test func markSurvivesRemovingEveryUnit() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        try "One claim. Two claims.\n".write(toFile: scene.path("a.txt"), atomically: true, encoding: .utf8)
        let file = scene.path("a.xml")
        #expect(try ArgmarkProcess.run(["new", scene.path("a.txt"), "-o", file, "--id", "a"]).status == 0)
        #expect(try ArgmarkProcess.run(["add", file, "claim", "--quote", "One claim."]).status == 0)
        #expect(try ArgmarkProcess.run(["add", file, "claim", "--quote", "Two claims."]).status == 0)
        #expect(try ArgmarkProcess.run(["remove", file, "u2"]).status == 0)
        #expect(try ArgmarkProcess.run(["remove", file, "u1"]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("<units highest-issued=\"2\"/>"))
        let added = try ArgmarkProcess.run(["add", file, "claim", "--quote", "One claim."])
        #expect(added.standardOutput.hasPrefix("u3"), "\(added.standardOutput)\(added.standardError)")
        // Once a unit above the mark exists, the mark is no longer needed and is dropped.
        #expect(!(try String(contentsOfFile: file, encoding: .utf8).contains("highest-issued")))
    }

    /// Texts over libxml2's 10,000,000-byte text-node limit ("Huge input lookup") are read, up
    /// to argmark's own 64 MiB file bound; a larger text is refused naming the limit.
    @Test func textsOverTenMegabytesWork() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        let line = "Paragraph about the movement and its critics, ünïcödé 😀 & <tags>.\n"
        let text = String(repeating: line, count: 12_000_000 / line.utf8.count + 1) + "The closing claim.\n"
        try text.write(toFile: scene.path("big.txt"), atomically: true, encoding: .utf8)
        let file = scene.path("big.xml")
        let created = try ArgmarkProcess.run(["new", scene.path("big.txt"), "-o", file, "--id", "big"])
        #expect(created.status == 0, "\(created.standardError)")
        let added = try ArgmarkProcess.run(["add", file, "claim", "--quote", "The closing claim."])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(try ArgmarkProcess.run(["validate", file]).status == 0)
        try Data(count: 65 << 20).write(to: URL(fileURLWithPath: scene.path("huge.txt")))
        let refused = try ArgmarkProcess.run(["new", scene.path("huge.txt"), "-o", scene.path("huge.xml"), "--id", "huge"])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("larger than the 64 MiB argmark reads"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: scene.path("huge.xml")))
    }

    // MARK: Work that grows with the input (the growth itself is measured in bench/growth.sh)

    /// A quote occurring everywhere (`.` in a text of dots) is refused as ambiguous with the
    /// count and the first few places, not one line per occurrence.
    @Test func quoteOccurringEverywhereListsAFewPlaces() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        try String(repeating: ".", count: 50_000).write(toFile: scene.path("dots.txt"), atomically: true, encoding: .utf8)
        let file = scene.path("dots.xml")
        #expect(try ArgmarkProcess.run(["new", scene.path("dots.txt"), "-o", file, "--id", "dots"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let refused = try ArgmarkProcess.run(["add", file, "claim", "--quote", "."])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("occurs 50000 times"), "\(refused.standardError.prefix(500))")
        let lines = refused.standardError.split(separator: "\n")
        #expect(lines.count <= 25, "\(lines.count) lines")
        #expect(lines.contains { $0.hasPrefix("  20: 19-20 (line 1, column 20)") })
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        // Overlapping occurrences are counted and chosen by --occurrence.
        let placed = try ArgmarkProcess.run(["add", file, "claim", "--quote", ".....", "--occurrence", "49996"])
        #expect(placed.status == 0, "\(placed.standardError)")
        let listed = try ArgmarkProcess.run(["list", file])
        #expect(listed.standardOutput.contains("49995-50000"), "\(listed.standardOutput)")
    }

    /// A chain of undercuts (u3 undercuts r1, u4 undercuts r2, ...): `remove --cascade` takes out
    /// exactly the chain, and `agree` matches every relation of two identical annotations.
    @Test func undercutChainsAreRemovedAndMatchedWhole() throws {
        let scene = try Scene()
        defer { scene.cleanUp() }
        let count = 300
        let words = (1...count).map { "Claim \($0) holds." }
        var units: [String] = [], relations = ["<relation id=\"r1\" type=\"supports\" from=\"u2\" to=\"u1\"/>"]
        var start = 0
        for (index, word) in words.enumerated() {
            units.append("<unit id=\"u\(index + 1)\" type=\"\(index == 0 ? "position" : "claim")\" start=\"\(start)\" end=\"\(start + word.count)\">\(word)</unit>")
            start += word.count + 1
        }
        for index in 3...count { relations.append("<relation id=\"r\(index - 1)\" type=\"undercuts\" from=\"u\(index)\" to=\"r\(index - 2)\"/>") }
        try words.joined(separator: " ").write(toFile: scene.path("chain.txt"), atomically: true, encoding: .utf8)
        #expect(try ArgmarkProcess.run(["new", scene.path("chain.txt"), "-o", scene.path("chain.xml"), "--id", "chain"]).status == 0)
        let xml = try String(contentsOfFile: scene.path("chain.xml"), encoding: .utf8)
            .replacing("</article>", with: "<units>\(units.joined())</units><relations>\(relations.joined())</relations></article>")
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: scene.path(folder), withIntermediateDirectories: true)
            try xml.write(toFile: scene.path("\(folder)/chain.xml"), atomically: true, encoding: .utf8)
        }
        #expect(try ArgmarkProcess.run(["validate", scene.path("a")]).status == 0)
        let agreed = try ArgmarkProcess.run(["agree", scene.path("a"), scene.path("b"), "--format", "json"])
        #expect(agreed.status == 0, "\(agreed.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(agreed.standardOutput.utf8)) as? [String: Any])
        let pairs = try #require(report["pairs"] as? [[String: Any]])
        let relationScores = try #require(pairs.first?["relations"] as? [String: Any])
        let typed = try #require(relationScores["typed"] as? [String: Any])
        #expect(typed["matched"] as? Int == count - 1, "\(typed)")
        let removed = try ArgmarkProcess.run(["remove", scene.path("a/chain.xml"), "u1", "--cascade"])
        #expect(removed.status == 0, "\(removed.standardError)")
        #expect(removed.standardOutput.split(separator: "\n").filter { $0.hasPrefix("removed relation") }.count == count - 1, "\(removed.standardOutput.prefix(300))")
        let after = try String(contentsOfFile: scene.path("a/chain.xml"), encoding: .utf8)
        #expect(!after.contains("<relation "))
        #expect(try ArgmarkProcess.run(["validate", scene.path("a/chain.xml")]).status == 0)
    }
}

/// Whether a path is a symbolic link, without following it.
enum FileSystemLinkCheck {
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }
}
