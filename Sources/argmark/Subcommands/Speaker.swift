import ArgumentParser
import ArgmarkCore

struct SpeakerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speaker",
        abstract: "Add a speaker to an article, or change a speaker's name or role.",
        discussion: "Speakers are the author and everyone quoted or paraphrased; units name them with --speaker."
    )

    @Argument(help: "The annotation file.") var file: String
    @Option(help: "The speaker's id, e.g. burke.") var id: String
    @Option(help: "The speaker's name (required for a new speaker).") var name: String?
    @Option(help: "The role, e.g. author, interviewer, quoted, or a description.") var role: String?
    @Flag(help: "Remove the speaker's role.") var clearRole = false

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            let speakerID: SpeakerID = try Vocabulary.id(id, "speaker")!
            let outcome = try ArticleEditor.edit(file) { (article, _) throws(EditError) in
                try ArticleEdits.upsertSpeaker(speakerID, name: name, role: role, clearRole: clearRole, in: &article, path: file)
            }
            Terminal.standardOutput(speakerID.rawValue)
            if !outcome.value && outcome.changed { EditReporting.note("updated speaker \(speakerID)", path: file) }
        }
    }
}
