import Foundation
@testable import ArgmarkCore

/// Paths of the fixtures beside these tests.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let validation = folder.appendingPathComponent("validation")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        try FileSystem.read(validation.appendingPathComponent(relativePath).path)
    }
}
