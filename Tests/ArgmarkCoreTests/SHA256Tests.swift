import ArgmarkTestSupport
import Testing
@testable import ArgmarkCore

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("“#MeToo” 🙂", "f5cb941f26f64fa6f3e7e8bd143a063a2c5e9097f633ee1c23f147509933780d"),
    ])
    func knownDigests(input: String, expected: String) {
        #expect(SHA256.hexDigest(of: Array(input.utf8)) == expected)
    }

    @Test func messagesAroundBlockBoundariesDiffer() {
        // Padding edge cases: 55, 56, 63, 64 and 65 bytes land on different block counts.
        let digests = [55, 56, 63, 64, 65, 119, 120].map { SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: $0)) }
        #expect(Set(digests).count == digests.count)
        #expect(SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        #expect(SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct SHA256ImplementationTests {
    @Test func hardwareAndPortableImplementationsAgree() {
        var random = SeededRandom("SHA256Tests", default: 7)
        // Every length around the block and padding boundaries, then larger random inputs.
        let lengths = Array(0...200) + [1000, 4095, 4096, 4097, 65_536, 100_003]
        for length in lengths {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let portable = SHA256.digest(of: bytes, hardware: false)
            #expect(portable.count == 32)
            if SHA256.usesHardware {
                #expect(SHA256.digest(of: bytes, hardware: true) == portable, "length \(length)")
            }
        }
    }

    @Test func portableImplementationMatchesKnownVectors() {
        #expect(SHA256.digest(of: Array("abc".utf8), hardware: false) == SHA256.digest(of: Array("abc".utf8)))
        let hex = SHA256.digest(of: Array("abc".utf8), hardware: false).map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        #expect(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
