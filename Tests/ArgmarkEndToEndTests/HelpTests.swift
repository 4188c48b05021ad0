import ArgmarkTestSupport
import Foundation
import Testing

/// `argmark CMD --help` as a user reads it.
@Suite struct HelpTests {
    /// The subcommands `argmark --help` lists.
    static func subcommands() throws -> [String] {
        let help = try ArgmarkProcess.run(["--help"]).standardOutput
        let listed = help.components(separatedBy: "SUBCOMMANDS:\n").last ?? ""
        return listed.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), let word = line.split(separator: " ").first, word.first?.isLowercase == true else { return nil }
            return String(word)
        }
    }

    /// Help text flows: a sentence is never cut short by a line break in the source (the help is
    /// wrapped to the terminal, so a hard break mid-sentence leaves a stub line such as "in the").
    /// The test: no short line of prose is followed by a line that goes on in lower case.
    @Test func helpParagraphsAreNotBrokenMidSentence() throws {
        let commands = try Self.subcommands()
        #expect(commands.count > 20 && commands.contains("serve") && commands.contains("rename"), "\(commands)")
        var offenders: [String] = []
        for command in commands {
            let help = try ArgmarkProcess.run([command, "--help"])
            #expect(help.status == 0, "\(command) --help exited \(help.status)")
            let lines = help.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
            for (line, next) in zip(lines, lines.dropFirst()) where !line.hasPrefix(" ") && !next.hasPrefix(" ") {
                if line.count < 50, !line.isEmpty, !line.hasSuffix(":"), next.first?.isLowercase == true {
                    offenders.append("argmark \(command) --help: \"\(line)\" / \"\(next)\"")
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }
}
