/// Blocks of bytes kept in a temporary file (unlinked at once, so nothing is left behind) until
/// they are read back, in any order and any number of times: what a corpus-wide report made as
/// its articles are read (the JSON of each source, most of its gigabyte) keeps out of memory.
/// One thread at a time.
package final class BlockSpool: @unchecked Sendable {
    private let descriptor: Platform.Descriptor
    private var offsets: [Int] = [0]
    private var pending: [UInt8] = []
    /// Why a block could not be written or read back, if one could not (the report written is
    /// then incomplete and must not be kept).
    package private(set) var problem: FileSystemError?

    /// A spool in `$TMPDIR` (or `/tmp`); `name` says what it holds, in errors.
    package init(holding name: String) throws(FileSystemError) {
        self.name = name
        let folder = Platform.environmentValue("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let template = FileSystem.join(folder, "argmark-report-XXXXXX")
        do {
            let (descriptor, path) = try Platform.createUniqueFile(template: template)
            Platform.removeFile(path)
            self.descriptor = descriptor
        } catch {
            throw FileSystemError(folder, "create a temporary file in", error)
        }
    }

    deinit { Platform.close(descriptor) }

    private let name: String
    private var path: String { "(the temporary file of \(name))" }

    /// Adds the next block. A failure to write is kept in ``problem`` (checked before the report
    /// is kept), so that folding goes on without a throw at every article.
    package func append(_ bytes: [UInt8]) {
        pending += bytes
        offsets.append(offsets[offsets.count - 1] + bytes.count)
        if pending.count >= 1 << 20 { flush() }
    }

    private func flush() {
        if problem == nil {
            do { try Platform.write(pending, to: descriptor) } catch { problem = FileSystemError(path, "write", error) }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes what is still buffered; call before reading.
    package func finishWriting() {
        flush()
        pending = []
    }

    /// The number of blocks.
    package var count: Int { offsets.count - 1 }

    /// Block `index`, read back from the file.
    package func block(_ index: Int) -> [UInt8] {
        let start = offsets[index], length = offsets[index + 1] - start
        var bytes = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            var failure: Platform.Failure?
            let read = bytes.withUnsafeMutableBytes { buffer -> Int in
                do throws(Platform.Failure) {
                    return try Platform.read(descriptor, into: buffer.baseAddress! + done, count: length - done, at: start + done)
                } catch {
                    failure = error
                    return -1
                }
            }
            if let failure {
                problem = problem ?? FileSystemError(path, "read", failure)
                return []
            }
            if read == 0 {
                problem = problem ?? FileSystemError(path: path, reason: "ended early: it was changed or truncated while the report was written; run the report again")
                return []
            }
            done += read
        }
        return bytes
    }
}
