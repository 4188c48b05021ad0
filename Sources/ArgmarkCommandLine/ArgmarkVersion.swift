/// The release both programs report (`--version`) and check against each other: `argmark serve`
/// hands over to the `argmark-serve` found beside it, and one copied from another release would
/// otherwise serve pages and an API that the installed argmark's files and help do not match.
package enum ArgmarkVersion {
    package static let current = "0.1.0"

    /// The environment variable through which `argmark serve` tells `argmark-serve` its release.
    package static let callerVariable = "ARGMARK_CALLER_VERSION"

    /// Why `argmark-serve` must not run for a caller of release `caller`, or nil when they match
    /// (or when it was started directly, with no caller).
    package static func mismatch(caller: String?, server path: String) -> String? {
        guard let caller, caller != current else { return nil }
        return "argmark \(caller) started \(path), which is argmark-serve \(current): the two programs come from different builds; install both from one `swift build -c release` (they are built together and must sit in the same folder)"
    }
}
