import Foundation
import Testing

/// The libraries' small public surface (ARCHITECTURE.md, "Public API"): what a Swift user of
/// argmark needs to open and validate articles, apply edits, read findings and run a report.
/// Everything else is `package`: the CLI, the workbench and the tests are in this package and see it.
@Suite struct PublicSurfaceTests {
    static let allowlistURL = Fixtures.packageRoot.appendingPathComponent("Tests/ArgmarkCoreTests/Architecture/PublicAPI.txt")

    /// One public declaration: the file (relative to Sources) and its first line up to the body.
    struct Declaration: Hashable, CustomStringConvertible {
        var path: String
        var signature: String
        var documented: Bool
        var line: Int
        var entry: String { "\(path): \(signature)" }
        var description: String { "\(path):\(line): \(signature)" }
    }

    /// Every declaration in the libraries' code (not comments or string literals) marked `public`.
    static func publicDeclarations(in sources: [(path: String, text: String)]) -> [Declaration] {
        let modifier = try! Regex(#"(^|[\s(])public[\s(]"#)
        var found: [Declaration] = []
        for (path, text) in sources where ArchitectureTests.libraries.contains(where: path.hasPrefix) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var inMultilineString = false
            for (index, line) in lines.enumerated() {
                let stripped = line.trimmingCharacters(in: .whitespaces)
                let quotes = line.components(separatedBy: "\"\"\"").count - 1
                defer { if quotes % 2 == 1 { inMultilineString.toggle() } }
                if inMultilineString || stripped.hasPrefix("//") { continue }
                let code = String(line.split(separator: "\"", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                guard code.contains(modifier) else { continue }
                var above = index - 1
                while above >= 0, lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("@") { above -= 1 }
                let documented = above >= 0 && lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("///")
                let signature = String(stripped.split(separator: "{", maxSplits: 1, omittingEmptySubsequences: false)[0]).trimmingCharacters(in: .whitespaces)
                found.append(Declaration(path: path, signature: signature, documented: documented, line: index + 1))
            }
        }
        return found
    }

    static func allowlist() throws -> [String] {
        try String(contentsOf: allowlistURL, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// A new `public` declaration fails the suite until it is listed (and described in
    /// ARCHITECTURE.md); new code is `package` by default.
    @Test func everyPublicDeclarationIsListed() throws {
        let declarations = Self.publicDeclarations(in: try ArchitectureTests.allSources())
        let listed = try Self.allowlist()
        let unlisted = declarations.filter { !listed.contains($0.entry) }
        #expect(unlisted.isEmpty, "make these package, or list them in Tests/ArgmarkCoreTests/Architecture/PublicAPI.txt and ARCHITECTURE.md:\n\(unlisted.map(\.description).joined(separator: "\n"))")
        #expect(declarations.count <= listed.count, "\(declarations.count) public declarations, \(listed.count) listed")
        let stale = Set(listed).subtracting(declarations.map(\.entry))
        #expect(stale.isEmpty, "listed but no longer public (remove them from PublicAPI.txt): \(stale.sorted())")
    }

    @Test func everyPublicDeclarationIsDocumented() throws {
        let undocumented = Self.publicDeclarations(in: try ArchitectureTests.allSources()).filter { !$0.documented }
        #expect(undocumented.isEmpty, "give these a /// comment:\n\(undocumented.map(\.description).joined(separator: "\n"))")
    }

    /// The scan can fail: it sees `public` in code, with or without attributes, but not in
    /// comments, string literals or names that merely contain the word.
    @Test func scanSeesCodeOnly() {
        let source = """
            /// A thing.
            public struct Thing {
                // public var hidden: Int
                public var publicity: Int
                let message = "public var fake"
                @discardableResult
                public func run() -> Int { 0 }
                package var internalUse: Int
                let text = \"\"\"
                    public var insideString: Int
                    \"\"\"
            }
            """
        let found = Self.publicDeclarations(in: [("ArgmarkCore/Thing.swift", source)])
        #expect(found.map(\.signature) == ["public struct Thing", "public var publicity: Int", "public func run() -> Int"])
        #expect(found.map(\.documented) == [true, false, false])
    }
}
