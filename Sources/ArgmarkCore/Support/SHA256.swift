import CArgmarkSHA256

/// SHA-256 (FIPS 180-4), so the core needs neither Foundation's crypto nor a dependency for one
/// digest. The block function is C (`CArgmarkSHA256`): on the SHA extensions where present.
package enum SHA256 {
    /// The digest of `bytes` as 64 lowercase hex digits.
    package static func hexDigest(of bytes: [UInt8]) -> String {
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
    package static func digest(of bytes: [UInt8]) -> [UInt8] {
        digest(of: bytes, hardware: usesHardware)
    }

    /// The digest by a chosen implementation, so tests can hold the two against each other.
    static func digest(of bytes: [UInt8], hardware: Bool) -> [UInt8] {
        var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        // Whole blocks are hashed straight from the input; only the tail is copied for padding.
        let wholeBlocks = bytes.count / 64
        var tail = Array(bytes[(wholeBlocks * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(bytes.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        let blocks = hardware ? argmark_sha256_hardware_blocks : argmark_sha256_portable_blocks
        state.withUnsafeMutableBufferPointer { words in
            if wholeBlocks > 0 {
                bytes.withUnsafeBufferPointer { blocks(words.baseAddress!, $0.baseAddress!, wholeBlocks) }
            }
            tail.withUnsafeBufferPointer { blocks(words.baseAddress!, $0.baseAddress!, $0.count / 64) }
        }
        var result: [UInt8] = []
        result.reserveCapacity(32)
        for word in state {
            result.append(UInt8(truncatingIfNeeded: word >> 24))
            result.append(UInt8(truncatingIfNeeded: word >> 16))
            result.append(UInt8(truncatingIfNeeded: word >> 8))
            result.append(UInt8(truncatingIfNeeded: word))
        }
        return result
    }
}
