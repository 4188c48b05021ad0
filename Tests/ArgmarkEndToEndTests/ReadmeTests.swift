import ArgmarkTestSupport
import Foundation
import Testing

/// The README's format example is a fixture: this keeps the documentation from drifting.
@Suite struct ReadmeTests {
    @Test func formatExampleIsTheValidatedFixture() throws {
        let readme = try String(contentsOf: ArgmarkProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let fixtures = ArgmarkProcess.packageRoot.appendingPathComponent("Tests/ArgmarkEndToEndTests/Fixtures/readme-example")
        let blocks = readme.components(separatedBy: "```xml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.contains(try String(contentsOf: fixtures.appendingPathComponent("example.xml"), encoding: .utf8)))
        #expect(blocks.contains(try String(contentsOf: fixtures.appendingPathComponent("corpus.xml"), encoding: .utf8)))
        let result = try ArgmarkProcess.run(["validate", fixtures.path])
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func everyRuleIsDocumented() throws {
        let readme = try String(contentsOf: ArgmarkProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: ArgmarkProcess.packageRoot.appendingPathComponent("Sources/ArgmarkCore/Diagnostics/Diagnostic.swift"), encoding: .utf8)
        let ruleIDs = source.components(separatedBy: "\n").compactMap { line -> String? in
            guard line.contains("case "), let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        #expect(ruleIDs.count > 20)
        for rule in ruleIDs {
            #expect(readme.contains("| `\(rule)` |"), "README lacks rule \(rule)")
        }
    }
}

/// Start-up cost guard: without an explicit `commandName`, ArgumentParser derives each command's
/// name with `String(describing:)`, which scans every protocol conformance in the binary at every
/// start (about a third of `argmark --version`'s instructions when this test was written).
@Suite struct StartupTests {
    @Test func everySubcommandNamesItself() throws {
        let folder = ArgmarkProcess.packageRoot.appendingPathComponent("Sources/argmark/Subcommands")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 10)
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let configurations = source.components(separatedBy: "CommandConfiguration(").count - 1
            let named = source.components(separatedBy: "CommandConfiguration(\n        commandName:").count - 1
            #expect(configurations == named, "\(file): give CommandConfiguration a commandName")
        }
    }
}
