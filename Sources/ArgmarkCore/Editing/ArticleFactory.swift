import Dispatch
import Synchronization

/// Creates annotation files from plain-text articles, keeping the text exactly as read.
package enum ArticleFactory {
    /// The text of a `.txt` file: valid UTF-8 with only characters XML 1.0 can store.
    ///
    /// CR and CRLF line ends are kept as they are (the writer stores CR as `&#13;`), so offsets
    /// match the original file. A byte-order mark is kept too: it is part of what was read.
    package static func decodeText(_ bytes: [UInt8], path: String) throws(EditError) -> String {
        // A UTF-16 or UTF-32 byte-order mark: say so, rather than blame the first byte.
        for (mark, encoding) in [([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE"), ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"), ([0xFF, 0xFE], "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE")] as [([UInt8], String)]
        where bytes.starts(with: mark) {
            throw EditError(.refused, "the text is \(encoding) (it starts with a byte-order mark); argmark reads UTF-8: convert it (iconv -f \(encoding.prefix(6)) -t UTF-8 IN > OUT)", at: SourceLocation(path: path, line: 1, column: 1))
        }
        // Most texts are fine: validated and checked in one pass each, without building the
        // string scalar by scalar (appending to a scalar view was two thirds of `new FOLDER`).
        if let text = String(validating: bytes, as: UTF8.self), text.unicodeScalars.allSatisfy(\.isXMLCharacter) {
            return text
        }
        // Otherwise the first problem is found, and named where it is.
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var view = String.UnicodeScalarView()
        var byteOffset = 0
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                guard scalar.isXMLCharacter else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                    let fix = scalar.value < 0x20 ? "delete it (for example tr -d '\\\(String(scalar.value, radix: 8))' < IN > OUT)" : "delete it from the text"
                    throw EditError(.refused, "the text contains \(code), a control character XML 1.0 cannot store; \(fix), then create the article again", at: SourceLocation(path: path, line: line, column: column))
                }
                view.append(scalar)
                byteOffset += encoded.count
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .error(let length):
                let shown = bytes[byteOffset..<min(bytes.count, byteOffset + max(length, 1))].map { byte in
                    let hex = String(byte, radix: 16, uppercase: true)
                    return hex.count == 1 ? "0" + hex : hex
                }.joined(separator: " ")
                throw EditError(.refused, "not valid UTF-8: byte \(byteOffset) (0x\(shown)) cannot be decoded; convert the file to UTF-8 first (for example iconv -f WINDOWS-1252 -t UTF-8 IN > OUT)", at: SourceLocation(path: path, line: line, column: column))
            case .emptyInput:
                return String(view)
            }
        }
    }

    /// An article with `text` and no annotations yet.
    package static func makeArticle(id: String, text: String, metadata: ArticleMetadata) throws(EditError) -> Article {
        guard Identifier<Article>.isValid(id) else {
            throw EditError.usage("\"\(id)\" is not a valid article id; use ASCII letters, digits, '-', '_' and '.', starting with a letter or '_'", remedies: [.correct(field: "id")])
        }
        if let published = metadata.published, !isDate(published) {
            throw EditError.usage("published \(published) is not a date; write it as YYYY-MM-DD")
        }
        if let language = metadata.language, !isLanguageTag(language) {
            throw EditError.usage("language \(language) is not a language tag; use a BCP 47 tag such as en, de or pt-BR")
        }
        return Article(id: id, metadata: metadata, text: text)
    }

    /// Creates the annotation file `output` for the text file `input`; refuses to overwrite.
    /// The result is validated before it is written.
    package static func create(from input: String, to output: String, id: String, metadata: ArticleMetadata,
                              validator: Validator = Validator()) throws(EditError) -> Article {
        let (article, encoded) = try prepare(from: input, to: output, id: id, metadata: metadata, validator: validator)
        do { try AtomicFile.write(encoded, to: output, overwrite: false) } catch {
            throw EditError.refused(error.reason, path: error.path)
        }
        return article
    }

    /// Everything ``create(from:to:id:metadata:validator:)`` does but the write: the checks, the
    /// new article and its validated bytes.
    static func prepare(from input: String, to output: String, id: String, metadata: ArticleMetadata,
                        validator: Validator) throws(EditError) -> (Article, [UInt8]) {
        try ArticleEditor.requireFile(input, creation: .passTextFiles)
        if FileSystem.kind(of: output) != .missing {
            throw EditError.refused("already exists; refusing to overwrite it", path: output, remedies: [.anotherOutput])
        }
        let outputFolder = FileSystem.directoryName(of: output)
        guard FileSystem.kind(of: outputFolder) == .directory else {
            throw EditError.usage("no such folder \(outputFolder); create it first", path: output)
        }
        let bytes = try ArticleEditor.read(input)
        let text = try decodeText(bytes, path: input)
        let article = try makeArticle(id: id, text: text, metadata: metadata)
        let encoded: [UInt8]
        do { encoded = try ArticleWriter.encode(article) } catch { throw EditError.refused(error.description, path: input) }
        _ = try ArticleEditor.checkResult(encoded, path: output, corpus: nil, original: nil, validator: validator)
        return (article, encoded)
    }

    /// An article id made from a file name: the name without `.txt`, characters an id cannot hold
    /// replaced by `-`, and `_` in front if it does not start with a letter or `_`.
    package static func id(fromFileName name: String) -> String {
        var stem = name
        if stem.hasSuffix(".txt") { stem.removeLast(4) }
        var scalars = String.UnicodeScalarView()
        for scalar in stem.unicodeScalars {
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
            scalars.append(allowed ? scalar : "-")
        }
        var id = String(scalars)
        if !Identifier<Article>.isValid(id) { id = "_" + id }
        return id
    }

    /// The outcome of converting one file of a folder.
    package struct BatchItem: Sendable {
        package var input: String
        package var output: String
        package var error: EditError?
    }

    /// Converts every `.txt` file under `inputFolder` (recursively) into `outputFolder/ID.xml`,
    /// in parallel. Existing outputs are refused one by one; the others are still converted.
    /// `progress` is called with the number of files done so far (from any thread).
    package static func createAll(from inputFolder: String, to outputFolder: String, metadata: ArticleMetadata,
                                 validator: Validator = Validator(),
                                 progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws(EditError) -> [BatchItem] {
        guard FileSystem.kind(of: inputFolder) == .directory else {
            throw EditError.usage("no such folder", path: inputFolder)
        }
        switch FileSystem.kind(of: outputFolder) {
        case .directory: break
        case .missing:
            do {
                try FileSystem.createDirectory(outputFolder)
            } catch {
                throw EditError.usage("cannot create the output folder (\(error.reason)); create it first", path: outputFolder)
            }
        default: throw EditError.usage("exists and is not a folder", path: outputFolder, remedies: [.outputFolder])
        }
        let (inputs, errors) = FileSystem.expand([inputFolder], extension: ".txt")
        if let error = errors.first { throw EditError.usage(error.reason, path: error.path) }
        guard !inputs.isEmpty else { throw EditError.usage("no .txt files in this folder", path: inputFolder) }
        var items: [BatchItem] = []
        var firstInputForID: [String: String] = [:]
        for input in inputs {
            let id = id(fromFileName: FileSystem.baseName(of: input))
            let output = FileSystem.join(outputFolder, id + ".xml")
            var item = BatchItem(input: input, output: output)
            if let earlier = firstInputForID[id] {
                item.error = EditError.refused("gives the same id \(id) as \(earlier); rename one of them", path: input)
            } else {
                firstInputForID[id] = input
            }
            items.append(item)
        }
        // Converted in parallel, written a chunk at a time with one flush per chunk
        // (AtomicFile.writeAll): a flush per file made a 15,594-file import take 13.6 s. The
        // chunk bounds the memory held by encoded files that wait for their write.
        let done = Atomic<Int>(0)
        let total = items.count
        let chunkSize = 2048
        for chunkStart in stride(from: 0, to: items.count, by: chunkSize) {
            let chunk = Array(items[chunkStart..<min(items.count, chunkStart + chunkSize)])
            let encoded = Mutex([[UInt8]?](repeating: nil, count: chunk.count))
            let failures = Mutex([EditError?](repeating: nil, count: chunk.count))
            DispatchQueue.concurrentPerform(iterations: chunk.count) { index in
                let item = chunk[index]
                defer { progress(done.add(1, ordering: .relaxed).newValue, total) }
                guard item.error == nil else { return }
                do throws(EditError) {
                    let (_, bytes) = try prepare(from: item.input, to: item.output, id: id(fromFileName: FileSystem.baseName(of: item.input)),
                                                 metadata: metadata, validator: validator)
                    encoded.withLock { $0[index] = bytes }
                } catch {
                    failures.withLock { $0[index] = error }
                }
            }
            let prepared = encoded.withLock { $0 }
            let refused = failures.withLock { $0 }
            let writes = prepared.indices.compactMap { index in prepared[index].map { (index: index, file: (path: chunk[index].output, bytes: $0)) } }
            let written = AtomicFile.writeAll(writes.map(\.file), overwrite: false)
            for offset in chunk.indices {
                if let error = refused[offset] { items[chunkStart + offset].error = error }
            }
            for (write, error) in zip(writes, written) {
                if let error { items[chunkStart + write.index].error = EditError.refused(error.reason, path: error.path) }
            }
        }
        return items
    }

    static func isDate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(parts[1]), let day = Int(parts[2]), let year = Int(parts[0]) else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && day >= 1 && day <= days[month - 1]
    }

    static func isLanguageTag(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
