import Foundation
import Testing

/// The layering described in ARCHITECTURE.md, checked on the sources themselves.
@Suite struct ArchitectureTests {
    static let sources = Fixtures.packageRoot.appendingPathComponent("Sources")

    /// ArgmarkCore's folders, lowest first; ARCHITECTURE.md explains each.
    static let coreLayers = ["Support", "Diagnostics", "Text", "Model", "XML", "Validation", "Storage", "Editing", "Anchoring"]

    @Test func coreFoldersFormLayers() throws {
        let violations = try LayerCheck(layers: Self.coreLayers).violations(in: Self.sources.appendingPathComponent("ArgmarkCore"))
        #expect(violations.isEmpty, "\(violations.map(\.description).joined(separator: "\n"))")
    }

    @Test func reportsFoldersFormLayers() throws {
        let violations = try LayerCheck(layers: ["Analysis", "Layout", "Rendering", "Linking"]).violations(in: Self.sources.appendingPathComponent("ArgmarkReports"))
        #expect(violations.isEmpty, "\(violations.map(\.description).joined(separator: "\n"))")
    }

    /// The check must be able to fail: a small tree with one reference of each kind it knows.
    @Test func layerCheckReportsUpwardReferences() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-layers-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("Low/Span.swift", """
            struct Span { var start = 0 }
            // A comment naming Article is no reference, and neither is a message:
            let label = "an Article"
            func width(_ span: Span) -> Int { span.start + span.allIDs }
            """)
        try write("Low/Text.swift", "func offsets(_ text: String) -> [Article] { [] }\n")
        try write("High/Article.swift", """
            struct Article { var spans: [Span] }
            extension Span {
                var allIDs: Int { 0 }
            }
            """)
        try write("Stray/Helper.swift", "func helper() {}\n")
        let violations = try LayerCheck(layers: ["Low", "High"]).violations(in: root)
        #expect(violations.map(\.name).sorted() == ["Article", "Stray", "allIDs"], "\(violations)")
        #expect(violations.contains { $0.file == "Low/Text.swift" && $0.line == 1 && $0.declaredIn == "High" })
        #expect(violations.contains { $0.file == "Low/Span.swift" && $0.line == 4 && $0.name == "allIDs" })
        // With the layers the other way round, only High's use of Span (and the stray folder) is upward.
        let reversed = try LayerCheck(layers: ["High", "Low"]).violations(in: root)
        #expect(reversed.map(\.name).sorted() == ["Span", "Stray"], "\(reversed)")
    }

    /// Every `.swift` file under `Sources/`, as (path relative to Sources, text).
    static func allSources() throws -> [(path: String, text: String)] {
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        var result: [(String, String)] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            result.append((String(url.path.dropFirst(sources.path.count + 1)), try String(contentsOf: url, encoding: .utf8)))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    static func imports(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard let index = words.firstIndex(of: "import"), words[..<index].allSatisfy({ $0.hasPrefix("@") || ["public", "package", "internal", "private"].contains($0) }), index + 1 < words.count else { return nil }
            return String(words[index + 1])
        }
    }

    /// The platform shim is the only file that reaches the C library.
    @Test func onlyThePlatformShimImportsTheCLibrary() throws {
        var offenders: [String] = []
        for (path, text) in try Self.allSources() {
            let platformImports = Self.imports(text).filter { ["Glibc", "Darwin", "Musl", "WinSDK", "ucrt"].contains($0) }
            if !platformImports.isEmpty, path != "ArgmarkCore/Support/Platform.swift" { offenders.append(path) }
            if text.contains("canImport("), path != "ArgmarkCore/Support/Platform.swift" { offenders.append(path + " (#if canImport)") }
        }
        #expect(offenders.isEmpty, "use Platform (ArgmarkCore/Support/Platform.swift) instead: \(offenders)")
        #expect(try Self.allSources().contains { $0.path == "ArgmarkCore/Support/Platform.swift" && Self.imports($0.text).contains("Glibc") })
    }

    /// libxml2 stays behind the XML and Validation layers (the brief: headers behind CLibXML2).
    @Test func libxml2IsUsedOnlyByTheXMLLayers() throws {
        let offenders = try Self.allSources().filter { Self.imports($0.text).contains("CLibXML2") }.map(\.path)
            .filter { !$0.hasPrefix("ArgmarkCore/XML/") && !$0.hasPrefix("ArgmarkCore/Validation/") }
        #expect(offenders.isEmpty, "\(offenders)")
    }

    /// The core and the other libraries never load Foundation: start-up and a small binary.
    @Test func librariesDoNotImportFoundation() throws {
        let offenders = try Self.allSources().filter { Self.imports($0.text).contains("Foundation") || Self.imports($0.text).contains("FoundationEssentials") }.map(\.path)
        #expect(offenders.isEmpty, "\(offenders)")
    }

    /// The libraries every frontend uses: none of them may spell a frontend's flag or command.
    static let libraries = ["ArgmarkCore/", "ArgmarkFormats/", "ArgmarkReports/", "ArgmarkAgreement/", "ArgmarkSuggest/"]

    /// The libraries state facts and name remedies (``Remedy``); only a frontend spells its flags
    /// and commands. Any string literal in a library that looks like a flag (`--cascade`) or an
    /// argmark command (`argmark validate`) fails this test.
    @Test func libraryMessagesNeverSpellAFlagOrCommand() throws {
        let commands = ["validate", "new", "add", "relate", "speaker", "target", "proposition", "set", "remove", "show", "list", "reanchor",
                        "report", "import", "export", "agree", "suggest", "accept", "reject", "apply", "meta", "rename", "serve", "train"]
        // Stored in the files argmark writes, as provenance, not advice to the user.
        let allowed = ["orphaned by argmark reanchor: was at ", "argmark argument annotation (argmark export --to xmi)",
                       "# Written by argmark export --to brat: the types and attributes of the files in this folder."]
        let cssVariable = try Regex(#"var\(--[A-Za-z0-9-]+\)|--[A-Za-z0-9-]+:\s"#)
        var offenders: [String] = []
        for (path, text) in try Self.allSources() where Self.libraries.contains(where: path.hasPrefix) {
            for literal in SwiftSource(text).literals where !allowed.contains(where: literal.text.contains) {
                // CSS custom properties (`--ink: #111`, `var(--ink)`) in the report's style sheet are no flags.
                let text = literal.text.replacing(cssVariable, with: "")
                let words = text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "\"" || $0 == "," || $0 == ";" })
                let flag = words.contains { $0.hasPrefix("--") && $0.dropFirst(2).first?.isLetter == true }
                let command = zip(words, words.dropFirst()).contains { $0 == "argmark" && commands.contains(String($1)) }
                if flag || command { offenders.append("\(path):\(literal.line): \"\(literal.text)\"") }
            }
        }
        #expect(offenders.isEmpty, "word it as a Remedy and let the frontend spell it:\n\(offenders.joined(separator: "\n"))")
    }

    /// The command-line frontend: both executables and what they share.
    static let commandLine = ["argmark/", "argmark-serve/", "ArgmarkCommandLine/"]

    /// One mapping from outcomes to exit codes for every command: only the CLI's `ExitStatus`
    /// makes an `ExitCode`, and the process exits only with one of its statuses.
    @Test func exitCodesComeFromExitStatusOnly() throws {
        var offenders: [String] = []
        for (path, text) in try Self.allSources() where Self.commandLine.contains(where: path.hasPrefix) && path != "ArgmarkCommandLine/ExitStatus.swift" {
            for (number, line) in SwiftSource(text).code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let exits = line.contains("ExitCode(") || line.contains("ExitCode.") || (line.contains("exit(") && !line.contains("ExitStatus.") && !line.contains(".exit()") && !line.contains("exit(withError:"))
                if exits { offenders.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))") }
            }
        }
        #expect(offenders.isEmpty, "end a command with ExitStatus (ArgmarkCommandLine/ExitStatus.swift):\n\(offenders.joined(separator: "\n"))")
    }

    /// The flag check can fail: it finds a flag and a command in a literal, but not in a comment.
    @Test func flagCheckSeesLiteralsOnly() {
        let source = SwiftSource("""
            // pass --cascade (a comment)
            let a = "unit \\(id) is used; pass --cascade"
            let b = "run argmark validate \\(path)"
            """)
        #expect(source.literals.map(\.text) == ["unit  is used; pass --cascade", "run argmark validate "])
        #expect(!source.code.contains("--cascade"))
        #expect(source.code.contains("id") && source.code.contains("path"))
    }
}
