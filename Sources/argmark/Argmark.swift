import ArgumentParser
import ArgmarkCommandLine
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
        version: ArgmarkVersion.current,
        subcommands: [Validate.self, New.self, Add.self, Apply.self, Relate.self, SpeakerCommand.self, Target.self, PropositionCommand.self, SetCommand.self, Meta.self, Rename.self, Remove.self, Show.self, List.self, ReanchorCommand.self, Report.self, Summarize.self, Shingles.self, Batch.self, Link.self, Import.self, Export.self, Agree.self, Train.self, Suggest.self, Accept.self, Reject.self, Merge.self, Serve.self]
    )

    /// Usage errors exit 2 (as grep and diff do), not ArgumentParser's default 64.
    static func main() { CommandLineEntry.main(Self.self) }
}
