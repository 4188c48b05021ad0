import Foundation

/// The one random number generator of the tests: SplitMix64, seeded, so every randomised test
/// can be replayed exactly. ``init(_:default:)`` prints the seed it uses; `ARGMARK_SEED` in the
/// environment replaces every test's default seed (to try other inputs, or to replay one).
package struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    /// The seed this generator started from.
    package let seed: UInt64

    /// A generator for the test `name`, seeded from `ARGMARK_SEED` if set, else `defaultSeed`;
    /// prints the seed so a failing run can be replayed.
    package init(_ name: String, default defaultSeed: UInt64) {
        let seed = ProcessInfo.processInfo.environment["ARGMARK_SEED"].flatMap { UInt64($0) } ?? defaultSeed
        print("\(name): random seed \(seed) (replay with ARGMARK_SEED=\(seed))")
        self.init(seed: seed)
    }

    /// A generator with exactly `seed`, printing nothing (for generators made inside a seeded test).
    package init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is not positive).
    package mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
}
