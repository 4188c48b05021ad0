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
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first, word.first?.isLowercase == true else { return nil }
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

    /// Each command is parsed on its own (a fast path for a CLI run once per edit); help, versions
    /// and completion scripts still go through the whole command tree. This checks the answers a
    /// user gets either way are ArgumentParser's: `help CMD` and `CMD --help` agree and name the
    /// command under `argmark`, and a completion script asked for after a command covers every
    /// command's options.
    @Test func wholeTreeRequestsAnswerAsTheRootWould() throws {
        for command in try Self.subcommands() where command != "help" {
            let viaHelp = try ArgmarkProcess.run(["help", command])
            let viaFlag = try ArgmarkProcess.run([command, "--help"])
            #expect(viaHelp.status == 0 && viaFlag.status == 0, "\(command): \(viaHelp.status) \(viaFlag.status)")
            #expect(viaHelp.standardOutput == viaFlag.standardOutput, "argmark help \(command) differs from argmark \(command) --help")
            #expect(viaFlag.standardOutput.contains("USAGE: argmark \(command)"), "\(command) --help: \(viaFlag.standardOutput.prefix(200))")
        }
        let script = try ArgmarkProcess.run(["add", "--generate-completion-script", "bash"])
        #expect(script.status == 0)
        #expect(script.standardOutput.hasPrefix("#!/bin/bash"))
        for option in ["--quote", "--occurrence", "--overwrite", "--format"] {
            #expect(script.standardOutput.contains(option), "the bash completion script lacks \(option)")
        }
        let zsh = try ArgmarkProcess.run(["--generate-completion-script=zsh"])
        #expect(zsh.status == 0 && zsh.standardOutput.hasPrefix("#compdef argmark"))
        let version = try ArgmarkProcess.run(["add", "--version"])
        let rootVersion = try ArgmarkProcess.run(["--version"])
        #expect(version.status == 0 && version.standardOutput == rootVersion.standardOutput && !version.standardOutput.isEmpty)
    }

    /// A usage error in a nested command points at that command's help, where its options are.
    @Test func usageErrorOfANestedCommandNamesItsHelp() throws {
        let run = try ArgmarkProcess.run(["shingles", "match", "--range", "0/2", "--from", "a.facts"])
        #expect(run.status == 2)
        #expect(run.standardError.hasSuffix("(see argmark shingles match --help)\n"), "\(run.standardError)")
        let parent = try ArgmarkProcess.run(["shingles", "frobnicate"])
        #expect(parent.status == 2)
        #expect(parent.standardError.hasSuffix("(see argmark shingles --help)\n"), "\(parent.standardError)")
    }
}
