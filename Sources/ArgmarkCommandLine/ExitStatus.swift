import ArgumentParser
import ArgmarkCore

/// The one mapping from what a command found to its exit code, for every command (as
/// `argmark --help` states it): 0 done, 1 invalid input or a refused change, 2 a usage error or a
/// path that cannot be read. Commands decide what they found; only this type turns it into a code.
package enum ExitStatus: Int32, Comparable {
    case success = 0
    case failure = 1
    case usage = 2

    /// The status findings call for: `usage` if any says a path cannot be read, `failure` if any
    /// is an error, else `success` (warnings do not fail a command).
    package init(_ findings: [Diagnostic]) {
        if findings.contains(where: { $0.rule == .unreadable }) {
            self = .usage
        } else {
            self = findings.contains { $0.severity == .error } ? .failure : .success
        }
    }

    /// A refused edit: `usage` for a usage error or a missing path, otherwise `failure`.
    package init(_ error: EditError) {
        self = error.kind == .usage ? .usage : .failure
    }

    package static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }

    /// What a command throws to end with this status.
    package var code: ExitCode { ExitCode(rawValue) }

    /// Ends the command with this status; returns for `success`.
    package func exit() throws {
        if self != .success { throw code }
    }
}
