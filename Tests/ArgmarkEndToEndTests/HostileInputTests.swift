import ArgmarkTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hostile and broken inputs through `validate`, an editing command (`add`) and `show`: each
/// gives a one-line error naming the file and the rule, a non-zero exit, no crash, no hang, bounded
/// memory, the file unchanged, and never the content of another file.
@Suite(.serialized) struct HostileInputTests {
    /// The marker inside `secret.txt`, which every entity, DTD and XInclude fixture points at.
    static let marker = "ARGMARK-SECRET-MARKER-7f3a"

    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var rule: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "xxe-local-file.xml", rule: "doctype-forbidden"),
        Case(file: "xxe-absolute-path.xml", rule: "doctype-forbidden"),
        Case(file: "xxe-url.xml", rule: "doctype-forbidden"),
        Case(file: "xxe-parameter-entity.xml", rule: "doctype-forbidden"),
        Case(file: "billion-laughs.xml", rule: "doctype-forbidden"),
        Case(file: "external-dtd.xml", rule: "doctype-forbidden"),
        Case(file: "external-dtd-local.xml", rule: "doctype-forbidden"),
        Case(file: "doctype-after-comment.xml", rule: "doctype-forbidden"),
        Case(file: "xinclude.xml", rule: "schema"),
        Case(file: "xinclude-element.xml", rule: "schema"),
        Case(file: "invalid-utf8.xml", rule: "encoding"),
        Case(file: "latin1-bytes.xml", rule: "encoding"),
        Case(file: "declared-latin1.xml", rule: "encoding"),
        Case(file: "utf16-bom.xml", rule: "encoding"),
        Case(file: "utf16-no-bom.xml", rule: "encoding"),
        Case(file: "utf16-big-endian.xml", rule: "encoding"),
        Case(file: "utf32.xml", rule: "encoding"),
        Case(file: "nul-byte.xml", rule: "encoding"),
        Case(file: "nul-only.xml", rule: "well-formed"),
        Case(file: "binary.xml", rule: "well-formed"),
        Case(file: "wrong-namespace.xml", rule: "schema"),
        Case(file: "missing-namespace.xml", rule: "schema"),
        Case(file: "unknown-element.xml", rule: "schema"),
        Case(file: "unknown-root.xml", rule: "schema"),
        Case(file: "offset-overflow.xml", rule: "schema"),
        Case(file: "offset-negative.xml", rule: "span-range"),
        Case(file: "offset-int-max.xml", rule: "span-range"),
        Case(file: "empty.xml", rule: "well-formed"),
        Case(file: "whitespace-only.xml", rule: "well-formed"),
        Case(file: "truncated.xml", rule: "well-formed"),
        Case(file: "control-character-reference.xml", rule: "well-formed"),
    ]

    /// Every stderr line of `validate` is a finding `path:line:col: error: message [rule]` or the summary.
    static func expectFindingLines(_ standardError: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(!lines.isEmpty, sourceLocation: sourceLocation)
        for line in lines.dropLast() {
            #expect(line.hasPrefix(file + ":") && line.contains(": error: ") && line.hasSuffix("]"), "not a finding line: \(line)", sourceLocation: sourceLocation)
        }
        #expect(lines.last?.hasSuffix("warnings") == true, "no summary line: \(standardError)", sourceLocation: sourceLocation)
    }

    @Test(arguments: cases) func refusedEverywhere(_ hostile: Case) throws {
        let folder = try TimedProcess.hostileFixtures()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: folder.appendingPathComponent(hostile.file))

        let validate = try TimedProcess.runArgmark(["validate", hostile.file], in: folder)
        #expect(!validate.timedOut)
        #expect(validate.result.status == 1, "\(validate.result.standardError)")
        #expect(validate.result.standardError.contains("[\(hostile.rule)]"), "\(validate.result.standardError)")
        #expect(validate.result.standardOutput.isEmpty)
        Self.expectFindingLines(validate.result.standardError, file: hostile.file)

        let add = try TimedProcess.runArgmark(["add", hostile.file, "claim", "--quote", "hello"], in: folder)
        #expect(!add.timedOut)
        #expect(add.result.status == 1, "\(add.result.standardError)")
        #expect(add.result.standardError.hasPrefix("\(hostile.file): error: "), "\(add.result.standardError)")
        #expect(add.result.standardOutput.isEmpty)

        let show = try TimedProcess.runArgmark(["show", hostile.file], in: folder)
        #expect(!show.timedOut)
        #expect(show.result.status != 0 && show.result.status < 128, "\(show.result.standardError)")

        for outcome in [validate, add, show] {
            #expect(!(outcome.result.standardOutput + outcome.result.standardError).contains(Self.marker))
            #expect(!outcome.result.standardError.contains("Fatal error"))
            #expect(!outcome.result.standardError.contains("root:x:0:0"))
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent(hostile.file)) == before, "the file changed")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".argmark-") }
        #expect(left.isEmpty, "temporary files left behind: \(left)")
    }

    /// xsi:schemaLocation is ignored: argmark validates against its own schema and never opens
    /// what the file names. A FIFO stands in for the remote schema: opening it would block, so a
    /// fetch shows up as a hang.
    @Test func schemaLocationIsNeverFetched() throws {
        let folder = try TimedProcess.hostileFixtures()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("evil.xsd").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let original = try String(contentsOf: folder.appendingPathComponent("schema-location.xml"), encoding: .utf8)
        let pointing = original.replacingOccurrences(of: "http://127.0.0.1:9/evil.xsd", with: fifo)
        #expect(pointing != original)
        try pointing.write(to: folder.appendingPathComponent("local.xml"), atomically: true, encoding: .utf8)
        for file in ["schema-location.xml", "local.xml"] {
            let validate = try TimedProcess.runArgmark(["validate", file], in: folder, timeout: 120)
            #expect(!validate.timedOut, "argmark opened the schema named by xsi:schemaLocation")
            #expect(validate.result.status == 0, "\(validate.result.standardError)")
        }
        // Where strace exists, check that no network connection is even attempted.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") {
            for file in ["schema-location.xml", "xxe-url.xml", "external-dtd.xml"] {
                let log = folder.appendingPathComponent("strace-\(file).log").path
                let traced = try TimedProcess.run(["/usr/bin/strace", "-f", "-qq", "-e", "trace=connect,openat", "-o", log,
                                                   ArgmarkProcess.executable.path, "validate", file], in: folder, timeout: 120)
                // strace may be refused ptrace in a container: then there is no log and nothing to check.
                guard !traced.timedOut, let calls = try? String(contentsOfFile: log, encoding: .utf8), calls.contains("openat(") else { continue }
                #expect(calls.contains("\"\(file)\""), "\(file) was not even read: \(calls)")
                #expect(!calls.contains("connect("), "\(file): argmark tried to connect: \(calls)")
                #expect(!calls.contains("secret.txt") && !calls.contains("evil.xsd"), "\(file): argmark opened a file the input names")
            }
        }
    }

    @Test func hundredThousandNestedElements() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let depth = 100_000
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article xmlns=\"urn:argmark:1\" version=\"1\" id=\"deep\">".utf8)
        bytes += Array(repeating: Array("<a>".utf8), count: depth).flatMap { $0 }
        bytes += Array(repeating: Array("</a>".utf8), count: depth).flatMap { $0 }
        bytes += Array("</article>\n".utf8)
        try Data(bytes).write(to: folder.appendingPathComponent("deep.xml"))
        let validate = try TimedProcess.runArgmark(["validate", "deep.xml"], in: folder)
        #expect(!validate.timedOut)
        #expect(validate.result.status == 1)
        #expect(validate.result.standardError.contains("nested more than 256 levels deep"), "\(validate.result.standardError)")
        for command in [["add", "deep.xml", "claim", "--quote", "x"], ["show", "deep.xml"]] {
            let outcome = try TimedProcess.runArgmark(command, in: folder)
            #expect(!outcome.timedOut)
            #expect(outcome.result.status == 1, "\(outcome.result.standardError)")
        }
    }

    /// A 200 MB file (sparse, so the test writes almost nothing) is refused before it is read;
    /// the memory limit of the run would stop argmark if it tried.
    @Test func twoHundredMegabyteFile() throws {
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.xml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article xmlns=\"urn:argmark:1\">".utf8)))
        #expect(truncate(path, 200 << 20) == 0)
        let validate = try TimedProcess.runArgmark(["validate", "huge.xml"], in: folder)
        #expect(!validate.timedOut)
        #expect(validate.result.status == 2, "\(validate.result.standardError)")
        #expect(validate.result.standardError.contains("huge.xml: error: file is 200 MiB, larger than the 64 MiB argmark reads"), "\(validate.result.standardError)")
        for command in [["add", "huge.xml", "claim", "--quote", "x"], ["show", "huge.xml"]] {
            let outcome = try TimedProcess.runArgmark(command, in: folder)
            #expect(!outcome.timedOut)
            #expect(outcome.result.status == 2, "\(outcome.result.standardError)")
            #expect(outcome.result.standardError.contains("larger than the 64 MiB"))
        }
    }

    @Test func foldersFilesAndMissingPaths() throws {
        let folder = try TimedProcess.hostileFixtures()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub.xml"), withIntermediateDirectories: true)
        // A folder where a file is expected.
        for command in [["add", "sub.xml", "claim", "--quote", "x"], ["reanchor", "valid.xml", "--text", "sub.xml"]] {
            let outcome = try TimedProcess.runArgmark(command, in: folder)
            #expect(outcome.result.status == 2, "\(command): \(outcome.result.standardError)")
            #expect(outcome.result.standardError.contains("sub.xml: error: is a folder"), "\(outcome.result.standardError)")
        }
        // show takes folders: an empty one is an error, not an empty display.
        let shown = try TimedProcess.runArgmark(["show", "sub.xml"], in: folder)
        #expect(shown.result.status == 2)
        #expect(shown.result.standardError == "sub.xml: error: no annotation files (.xml) in this folder\n", "\(shown.result.standardError)")
        // A file where a folder is expected.
        let throughFile = try TimedProcess.runArgmark(["validate", "valid.xml/inner.xml"], in: folder)
        #expect(throughFile.result.status == 2)
        #expect(throughFile.result.standardError.contains("valid.xml/inner.xml: error: a component of the path is a file, not a folder"), "\(throughFile.result.standardError)")
        let newIntoFile = try TimedProcess.runArgmark(["new", folder.path, "-o", "valid.xml"], in: folder)
        #expect(newIntoFile.result.status == 2)
        #expect(newIntoFile.result.standardError.contains("valid.xml: error: exists and is not a folder"), "\(newIntoFile.result.standardError)")
        // A FIFO and a device are never opened for reading (a FIFO would block forever).
        #expect(mkfifo(folder.appendingPathComponent("pipe.xml").path, 0o644) == 0)
        for command in [["validate", "pipe.xml"], ["add", "pipe.xml", "claim", "--quote", "x"], ["show", "pipe.xml"], ["validate", "/dev/zero"],
                        ["reanchor", "valid.xml", "--text", "pipe.xml"]] {
            let outcome = try TimedProcess.runArgmark(command, in: folder, timeout: 120)
            #expect(!outcome.timedOut, "\(command) hung")
            #expect(outcome.result.status == 2, "\(command): \(outcome.result.standardError)")
            #expect(outcome.result.standardError.contains("not a regular file"), "\(command): \(outcome.result.standardError)")
        }
        // A folder holding a FIFO named like an article is searched without opening it.
        let walked = try TimedProcess.runArgmark(["validate", "."], in: folder, timeout: 120)
        #expect(!walked.timedOut)
        // Paths that do not exist.
        for command in [["validate", "missing.xml"], ["add", "missing.xml", "claim", "--quote", "x"], ["show", "missing.xml"]] {
            let outcome = try TimedProcess.runArgmark(command, in: folder)
            #expect(outcome.result.status == 2, "\(command): \(outcome.result.standardError)")
            #expect(outcome.result.standardError.hasPrefix("missing.xml: error: no such file"), "\(outcome.result.standardError)")
        }
    }

    /// Runs as an unprivileged user through setpriv when the tests run as root (as CI does), so
    /// the kernel really refuses; where that is impossible as root (no setpriv, or the build
    /// folder unreachable for other users) the check is skipped (the message itself is covered by
    /// FileSystemErrorTests).
    @Test(.enabled(if: !TimedProcess.isRoot || TimedProcess.canRunUnprivileged, "as root, needs setpriv and a build folder other users can reach"))
    func fileWithoutReadPermission() throws {
        let folder = try TimedProcess.hostileFixtures()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        let file = folder.appendingPathComponent("valid.xml").path
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file)
        let validate = try TimedProcess.runArgmark(["validate", file], unprivileged: true)
        #expect(validate.result.status == 2, "\(validate.result.standardError)")
        #expect(validate.result.standardError.contains("valid.xml: error: permission denied (read); check the file's permissions [unreadable]"), "\(validate.result.standardError)")
        for command in [["add", file, "claim", "--quote", "hello"], ["show", file]] {
            let outcome = try TimedProcess.runArgmark(command, unprivileged: true)
            #expect(outcome.result.status == 2, "\(outcome.result.standardError)")
            #expect(outcome.result.standardError.contains("permission denied"), "\(outcome.result.standardError)")
        }
    }
}
