import ArgumentParser
import ArgmarkCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// argmark: annotate arguments and stance in news and opinion articles.
@main
struct Argmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "argmark",
        abstract: "Annotate arguments and stance in news and opinion articles, and compare how sources argue.",
        discussion: """
            Exit codes: 0 success, 1 invalid input or a refused change, 2 usage error or unreadable path.
            """,
        version: "0.1.0",
        subcommands: [Validate.self, New.self, Add.self, Relate.self, SpeakerCommand.self, Target.self, PropositionCommand.self, SetCommand.self, Remove.self, Show.self, List.self, ReanchorCommand.self]
    )

    /// Usage errors exit 2 (as grep and diff do), not ArgumentParser's default 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.standardError(fullMessage(for: error))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
