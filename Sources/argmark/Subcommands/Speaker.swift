import ArgumentParser
import ArgmarkCommandLine
import ArgmarkCore

struct SpeakerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speaker", _superCommandName: "argmark",
        abstract: "Add a speaker to an article, or change a speaker's name or role.",
        discussion: "Speakers are the author and everyone quoted or paraphrased; units name them with --speaker."
    )

    @Argument(help: "The annotation file.") var file: String
    @Option(help: "The speaker's id, e.g. burke.") var id: String
    @Option(help: "The speaker's name (required for a new speaker).") var name: String?
    @Option(help: "author, interviewer, interviewee, quoted or reported, optionally with a description (\"quoted: founder of #MeToo\").") var role: String?
    @Flag(help: "Remove the speaker's role.") var clearRole = false

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            let speakerID: SpeakerID = try Vocabulary.id(id, "speaker")!
            let outcome = try ArticleEditor.apply([.speaker(SpeakerChange(id: speakerID, name: name, role: role, clearRole: clearRole))], to: file)
            guard case .speaker(let speaker, let created, let sameName) = outcome.results[0] else { return }
            Terminal.standardOutput(speakerID.rawValue)
            if !created && outcome.changed { EditReporting.note("updated speaker \(speakerID)", path: file) }
            if !sameName.isEmpty {
                EditReporting.warning("\(sameName.count == 1 ? "speaker" : "speakers") \(sameName.map(\.rawValue).joined(separator: ", ")) also \(sameName.count == 1 ? "has" : "have") the name \"\(speaker.name)\"; if they are one person, give their units one speaker (argmark rename, argmark set --speaker) and remove the other", path: file)
            }
        }
    }
}
