import Foundation
import Testing

/// Where the repository is, and `../shared` beside it (the seeds and whole corpora, present on CI
/// and on the developers' machines, absent from a fresh clone). Tests that need it are declared
/// `.enabled(if: Shared.isPresent, Shared.skipReason)`, so a fresh clone reports them skipped with
/// the reason instead of failing; everything else uses the samples committed under `Tests/`.
package enum Shared {
    /// The package root (the folder holding Package.swift).
    package static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository.
    package static let folder: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    /// `../shared/corpora`.
    package static let corpora: URL = folder.appendingPathComponent("corpora")
    /// `../shared/seeds`.
    package static let seeds: URL = folder.appendingPathComponent("seeds")

    /// Whether the shared corpora are beside the repository.
    package static let isPresent: Bool = {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: corpora.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }()

    /// The reason a skipped test gives.
    package static let skipReason: Comment =
        "needs the whole shared corpora in \(folder.path), which this clone does not have (CI has them); the committed samples under Tests/ cover the rest"
}

/// The peer tools some tests compare argmark with. `.ci/run` installs them, so on CI
/// (`CI=true`) a missing tool is a failure; elsewhere its tests report themselves skipped.
package enum Tools {
    /// Whether the tests run on CI.
    package static let isCI: Bool = ProcessInfo.processInfo.environment["CI"] == "true"

    /// libxml2's `xmllint`, if installed.
    package static let xmllint: String? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

    package static let xmllintMissing: Comment = "needs xmllint (apt-get install -y libxml2-utils; .ci/run installs it)"
}
