import ArgumentParser
import ArgmarkCore

/// How both executables (`argmark`, `argmark-serve`) start: parse, run, and end a usage error
/// with exit 2 (as grep and diff do, not ArgumentParser's default 64) on one line.
package enum CommandLineEntry {
    /// Parses the process's arguments as `Root` and runs the command they name.
    package static func main<Root: ParsableCommand>(_ root: Root.Type) {
        do {
            var command = try parse(Root.self, Array(CommandLine.arguments.dropFirst()))
            try command.run()
        } catch {
            if Root.exitCode(for: error) == .validationFailure {
                Terminal.standardError(usageErrorLine(Root.message(for: error), root: Root.self))
                Platform.exit(ExitStatus.usage.rawValue)
            }
            Root.exit(withError: error)
        }
    }

    /// The command `arguments` name. ArgumentParser checks every run for a request of a
    /// completion script, which costs `argmark add` about a tenth of its instructions; a command
    /// declared with a super-command name (`argmark add`) is parsed on its own, which skips that
    /// check and the reflection over every other command. Asking for help, a version or a
    /// completion script takes the whole tree, so those answers are as ArgumentParser gives them.
    static func parse<Root: ParsableCommand>(_ root: Root.Type, _ arguments: [String]) throws -> any ParsableCommand {
        let wholeTree: Set<String> = ["-h", "--help", "help", "--version", "--generate-completion-script", "--experimental-dump-help"]
        guard let name = arguments.first,
              let command = root.configuration.subcommands.first(where: { $0.configuration.commandName == name }),
              command.configuration._superCommandName == root.configuration.commandName, command.configuration.subcommands.isEmpty,
              !arguments.contains(where: { wholeTree.contains($0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? $0) })
        else { return try root.parseAsRoot(arguments) }
        return try command.parseAsRoot(Array(arguments.dropFirst()))
    }

    /// One line, as every other argmark error: `argmark: error: message (see argmark CMD --help)`.
    package static func usageErrorLine(_ message: String, root: any ParsableCommand.Type) -> String {
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        var text = firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst(7)) : firstLine
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
            text = first.lowercased() + text.dropFirst()
        }
        return "argmark: error: \(text) (see \(commandPath(root: root, CommandLine.arguments.dropFirst())) --help)"
    }

    /// The command the arguments name, through nested commands (`argmark shingles match`), so a
    /// usage error points at the help that lists the option at fault.
    static func commandPath(root: any ParsableCommand.Type, _ arguments: some Sequence<String>) -> String {
        var path = [root.configuration.commandName ?? "argmark"]
        var commands = root.configuration.subcommands
        var rest = Array(arguments)[...]
        while let index = rest.firstIndex(where: { argument in commands.contains { $0._commandName == argument } }),
              let command = commands.first(where: { $0._commandName == rest[index] }) {
            path.append(command._commandName)
            commands = command.configuration.subcommands
            rest = rest[(index + 1)...]
        }
        return path.joined(separator: " ")
    }
}
