import CArgmarkSHA256

/// SHA-256 (FIPS 180-4), so the core needs neither Foundation's crypto nor a dependency for one digest.
public enum SHA256 {
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hexDigest(of bytes: [UInt8]) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest(of: bytes) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether the processor's SHA extensions are used (probed once).
    static let usesHardware: Bool = argmark_sha256_hardware_available() == 1

    /// The 32-byte digest of `bytes`, on the processor's SHA extensions where it has them.
    public static func digest(of bytes: [UInt8]) -> [UInt8] {
        digest(of: bytes, hardware: usesHardware)
    }

    /// The digest by a chosen implementation, so tests can hold the two against each other.
    static func digest(of bytes: [UInt8], hardware: Bool) -> [UInt8] {
        var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        // Whole blocks are hashed straight from the input; only the tail is copied for padding.
        let wholeBlocks = bytes.count / 64
        var tail = Array(bytes[(wholeBlocks * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(bytes.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        if hardware {
            var words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
            words.withUnsafeMutableBufferPointer { words in
                if wholeBlocks > 0 {
                    bytes.withUnsafeBufferPointer { argmark_sha256_hardware_blocks(words.baseAddress!, $0.baseAddress!, wholeBlocks) }
                }
                tail.withUnsafeBufferPointer { argmark_sha256_hardware_blocks(words.baseAddress!, $0.baseAddress!, $0.count / 64) }
            }
            state = (words[0], words[1], words[2], words[3], words[4], words[5], words[6], words[7])
        } else {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                roundConstants.withUnsafeBufferPointer { constants in
                    bytes.withUnsafeBufferPointer { input in
                        for block in 0..<wholeBlocks {
                            compress(UnsafeBufferPointer(rebasing: input[block * 64..<block * 64 + 64]), &state, schedule, constants)
                        }
                    }
                    tail.withUnsafeBufferPointer { input in
                        for blockStart in stride(from: 0, to: input.count, by: 64) {
                            compress(UnsafeBufferPointer(rebasing: input[blockStart..<blockStart + 64]), &state, schedule, constants)
                        }
                    }
                }
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(32)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            result.append(UInt8(truncatingIfNeeded: word >> 24))
            result.append(UInt8(truncatingIfNeeded: word >> 16))
            result.append(UInt8(truncatingIfNeeded: word >> 8))
            result.append(UInt8(truncatingIfNeeded: word))
        }
        return result
    }

    /// One 64-byte block of the compression function.
    @inline(__always)
    private static func compress(_ block: UnsafeBufferPointer<UInt8>,
                                 _ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
                                 _ schedule: UnsafeMutableBufferPointer<UInt32>,
                                 _ constants: UnsafeBufferPointer<UInt32>) {
        for t in 0..<16 {
            let i = t &* 4
            schedule[t] = UInt32(block[i]) << 24 | UInt32(block[i &+ 1]) << 16 | UInt32(block[i &+ 2]) << 8 | UInt32(block[i &+ 3])
        }
        for t in 16..<64 {
            let s0 = rotate(schedule[t &- 15], 7) ^ rotate(schedule[t &- 15], 18) ^ (schedule[t &- 15] >> 3)
            let s1 = rotate(schedule[t &- 2], 17) ^ rotate(schedule[t &- 2], 19) ^ (schedule[t &- 2] >> 10)
            schedule[t] = schedule[t &- 16] &+ s0 &+ schedule[t &- 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = state
        for t in 0..<64 {
            let sum1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let temp1 = h &+ sum1 &+ choice &+ constants[t] &+ schedule[t]
            let sum0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let temp2 = sum0 &+ majority
            h = g; g = f; f = e; e = d &+ temp1
            d = c; c = b; b = a; a = temp1 &+ temp2
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ amount: UInt32) -> UInt32 {
        (value &>> amount) | (value &<< (32 &- amount))
    }
}
