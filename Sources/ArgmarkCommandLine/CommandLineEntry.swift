import ArgumentParser
import ArgmarkCore

/// How both executables (`argmark`, `argmark-serve`) start: parse, run, and end a usage error
/// with exit 2 (as grep and diff do, not ArgumentParser's default 64) on one line.
package enum CommandLineEntry {
    /// Parses the process's arguments as `Root` and runs the command they name.
    package static func main<Root: ParsableCommand>(_ root: Root.Type) {
        do {
            var command = try Root.parseAsRoot()
            try command.run()
        } catch {
            if Root.exitCode(for: error) == .validationFailure {
                Terminal.standardError(usageErrorLine(Root.message(for: error), root: Root.self))
                Platform.exit(ExitStatus.usage.rawValue)
            }
            Root.exit(withError: error)
        }
    }

    /// One line, as every other argmark error: `argmark: error: message (see argmark CMD --help)`.
    package static func usageErrorLine(_ message: String, root: any ParsableCommand.Type) -> String {
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        var text = firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst(7)) : firstLine
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
            text = first.lowercased() + text.dropFirst()
        }
        let rootName = root.configuration.commandName ?? "argmark"
        let names = root.configuration.subcommands.map { $0._commandName }
        let arguments = CommandLine.arguments.dropFirst()
        let command = arguments.first { names.contains($0) }.map { "\(rootName) \($0)" } ?? rootName
        return "argmark: error: \(text) (see \(command) --help)"
    }
}
