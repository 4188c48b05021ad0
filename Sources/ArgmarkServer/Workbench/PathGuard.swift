import ArgmarkCore

/// Keeps every path the server touches inside the served folder: names are plain (no `/`, no
/// leading `.`, so no `..`), and the real path (symbolic links followed) must lie in the folder.
package enum PathGuard {
    /// Letters, digits, `.`, `_`, `-`; not starting with `.`; at most 200 characters.
    package static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", name.utf8.count <= 200 else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-")
        }
    }

    /// The absolute path with every symbolic link resolved, or `nil` if it does not exist.
    package static func realPath(_ path: String) -> String? { Platform.resolvedPath(path) }

    /// Whether `path` (resolved, or its folder when it does not exist yet) lies inside `folder`,
    /// itself a resolved path.
    package static func isInside(_ path: String, folder: String) -> Bool {
        let resolved: String
        if let real = realPath(path) {
            resolved = real
        } else if let parent = realPath(FileSystem.directoryName(of: path)) {
            resolved = FileSystem.join(parent, FileSystem.baseName(of: path))
        } else {
            return false
        }
        return resolved == folder || resolved.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// The names in a folder, hidden ones left out.
    package static func entries(of folder: String) -> [String] {
        ((try? Platform.entries(in: folder)) ?? []).filter { !$0.hasPrefix(".") }
    }

    /// `%XX` escapes decoded; `nil` for a malformed escape or bytes that are not UTF-8.
    package static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
