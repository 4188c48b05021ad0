import ArgumentParser
import ArgmarkCore

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
        subcommands: [Validate.self, New.self, Add.self, Apply.self, Relate.self, SpeakerCommand.self, Target.self, PropositionCommand.self, SetCommand.self, Meta.self, Rename.self, Remove.self, Show.self, List.self, ReanchorCommand.self, Report.self, Summarize.self, Batch.self, Link.self, Import.self, Export.self, Agree.self, Train.self, Suggest.self, Accept.self, Reject.self, Merge.self, Serve.self]
    )

    /// Usage errors exit 2 (as grep and diff do), not ArgumentParser's default 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.standardError(usageErrorLine(message(for: error)))
                Platform.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }

    /// One line, as every other argmark error: `argmark: error: message (see argmark CMD --help)`.
    static func usageErrorLine(_ message: String) -> String {
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        var text = firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst(7)) : firstLine
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
            text = first.lowercased() + text.dropFirst()
        }
        let names = configuration.subcommands.map { $0._commandName }
        let arguments = CommandLine.arguments.dropFirst()
        let command = arguments.first { names.contains($0) }.map { "argmark \($0)" } ?? "argmark"
        return "argmark: error: \(text) (see \(command) --help)"
    }
}
