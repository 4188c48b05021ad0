import ArgmarkTestSupport
import Foundation
import Testing
@testable import ArgmarkCore

/// argmark's schema verdict must equal xmllint's (libxml2-utils) on every fixture: the same XSD,
/// checked by an independent front end.
@Suite struct XMLLintAgreementTests {
    static let xmllint = Tools.xmllint

    static var fixtureFiles: [String] {
        ["valid", "invalid", "no-corpus"].flatMap { folder in
            let directory = Fixtures.validation.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { $0.hasSuffix(".xml") }.sorted().map { "\(folder)/\($0)" }
        }
    }

    /// On CI the comparison must run; elsewhere it is skipped without xmllint.
    @Test(.enabled(if: Tools.isCI, "only CI must have xmllint")) func xmllintIsInstalled() {
        #expect(Self.xmllint != nil, "install xmllint (apt-get install -y libxml2-utils); .ci/run does")
    }

    /// `fixtureFiles` swallows a listing error into an empty list, and a parameterised test with
    /// no arguments passes without running: make sure the comparison below really has inputs.
    @Test func fixturesAreFound() {
        let files = Self.fixtureFiles
        #expect(files.count >= 25, "found only \(files)")
        #expect(files.contains("valid/fixture.xml"))
        #expect(files.contains { $0.hasPrefix("no-corpus/") })
    }

    @Test(.enabled(if: Tools.xmllint != nil, Tools.xmllintMissing), arguments: fixtureFiles)
    func schemaVerdictMatchesXMLLint(_ relativePath: String) throws {
        let xmllint = try #require(Self.xmllint)
        let path = Fixtures.validation.appendingPathComponent(relativePath).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--nonet", "--schema", Fixtures.packageRoot.appendingPathComponent("Schemas/argmark.xsd").path, path]
        process.standardOutput = ArgmarkProcess.devNull
        process.standardError = ArgmarkProcess.devNull
        try process.run()
        process.waitUntilExit()
        let xmllintValid = process.terminationStatus == 0

        let argmarkValid: Bool
        switch SafeXMLParser.parse(try FileSystem.read(path), path: path) {
        case .failure(let failure):
            // argmark refuses every DOCTYPE by policy; xmllint accepts a harmless one. Only there
            // may the verdicts differ, and argmark must be the stricter.
            if failure.diagnostics.contains(where: { $0.rule == .doctypeForbidden }) { return }
            argmarkValid = false
        case .success(let parsed):
            argmarkValid = !SchemaValidator.shared.validate(parsed, path: path).contains { $0.severity == .error }
        }
        #expect(argmarkValid == xmllintValid, "argmark \(argmarkValid ? "valid" : "invalid"), xmllint \(xmllintValid ? "valid" : "invalid")")
    }

    @Test func embeddedSchemaIsTheShippedSchema() throws {
        let shipped = try FileSystem.read(Fixtures.packageRoot.appendingPathComponent("Schemas/argmark.xsd").path)
        #expect(PackageResources.argmark_xsd == shipped)
    }
}
