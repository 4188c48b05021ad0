import ArgmarkCore

/// A trained suggestion model: which segments of a text are argument units and of what type (a
/// linear-chain model over the document's clauses and sentences), which unit a unit supports or
/// attacks, and its stance toward the corpus's declared targets.
///
/// Written by ``SuggestionTrainer`` (`argmark train`); read with ``init(bytes:path:)``, which
/// refuses a damaged file or one of another format version. The same training input gives the
/// same bytes.
package struct SuggestionModel: Sendable, Equatable {
    /// The format version this argmark writes for a model whose ``UnitGate`` decides per genre;
    /// a model with one gate threshold for every genre is written as version 3, and one without
    /// a gate as version 2, byte for byte as before each existed. All three are read; a model of
    /// another version is refused.
    package static let formatVersion = 4
    static let readableVersions = [2, 3, 4]
    static let magic = "argmark suggestion model"

    package var sequence: SequenceModel
    package var relations: ChoiceModel
    package var relationTemperature: Float = 1
    package var stance: ChoiceModel
    /// The second stage that decides which segments are in units (``UnitGate``), when training
    /// found that it helps.
    package var gate: UnitGate?
    /// What the model was trained on.
    package var summary: TrainingSummary

    package init(sequence: SequenceModel, relations: ChoiceModel, stance: ChoiceModel, summary: TrainingSummary) {
        self.sequence = sequence
        self.relations = relations
        self.stance = stance
        self.summary = summary
    }

    /// The model shipped with argmark (trained by `bench/suggest/train.sh`).
    package static let shipped: SuggestionModel = {
        do { return try SuggestionModel(bytes: Base64.decode(DefaultModel.base64), path: "default model") } catch {
            fatalError("the shipped suggestion model is broken: \(error)")
        }
    }()

    /// The model's file: a text preamble naming the format and the SHA-256 of the payload, then
    /// the payload (little-endian binary; emission weights quantized to 8 bits per feature row).
    package func encoded() -> [UInt8] {
        var payload = ByteWriter()
        payload.string(summary.text)
        payload.float(sequence.temperature)
        for value in sequence.start { payload.float(value) }
        for value in sequence.transition { payload.float(value) }
        let rows = sequence.rows.sorted { $0.key < $1.key }
        payload.uint32(UInt32(rows.count))
        for (hash, row) in rows {
            let values = sequence.emission[(row * Tags.count)..<(row * Tags.count + Tags.count)]
            let scale = (values.map(abs).max() ?? 0) / 127
            payload.uint32(hash)
            payload.float(scale)
            for value in values { payload.bytes.append(UInt8(bitPattern: scale == 0 ? 0 : Int8((value / scale).rounded()))) }
        }
        payload.float(relationTemperature)
        for choice in [relations, stance] { payload.weights(choice.weights) }
        let version: Int
        switch gate {
        case nil:
            version = 2
        case let gate? where gate.isShared:
            version = 3
            payload.float(gate.threshold!)
            payload.weights(gate.weights)
        case let gate?:
            // Format 4: the weights, the shared threshold (absent: no gate for other genres),
            // then each genre's decision (a threshold, or absent: not gated), in genre order.
            version = 4
            payload.weights(gate.weights)
            payload.optionalFloat(gate.threshold)
            let genres = Set(gate.genreThresholds.keys).union(gate.ungatedGenres).sorted { $0.rawValue < $1.rawValue }
            payload.uint32(UInt32(genres.count))
            for genre in genres {
                payload.string(genre.rawValue)
                payload.optionalFloat(gate.ungatedGenres.contains(genre) ? nil : gate.genreThresholds[genre])
            }
        }
        let preamble = "\(Self.magic)\nformat-version: \(version)\nsha256: \(SHA256.hexDigest(of: payload.bytes))\n\n"
        return Array(preamble.utf8) + payload.bytes
    }

    /// The model as it will be after writing and reading it back (emission weights quantized),
    /// so what is evaluated is what is shipped.
    package func roundTripped() -> SuggestionModel {
        // The encoding of a fresh model is always readable.
        (try? SuggestionModel(bytes: encoded(), path: "")) ?? self
    }

    /// Reads a model file; `path` names it in errors.
    package init(bytes: [UInt8], path: String) throws(ModelLoadError) {
        func fail(_ message: String, _ remedies: [Remedy] = [.retrainModel]) -> ModelLoadError { ModelLoadError(path: path, message: message, remedies: remedies) }
        guard bytes.starts(with: Array((Self.magic + "\n").utf8)) else {
            throw fail("not an argmark suggestion model (it does not start with \"\(Self.magic)\")", [.trainedModel])
        }
        var headerEnd = 0
        var newlines = 0
        while headerEnd < bytes.count, newlines < 4 {
            if bytes[headerEnd] == 10 { newlines += 1 }
            headerEnd += 1
        }
        let header = String(decoding: bytes[0..<headerEnd], as: UTF8.self).split(separator: "\n").map(String.init)
        guard header.count >= 3, header[1].hasPrefix("format-version: "), let version = Int(header[1].dropFirst(16)) else {
            throw fail("the model's header is damaged")
        }
        guard Self.readableVersions.contains(version) else {
            throw fail("the model has format version \(version), this argmark reads versions \(Self.readableVersions.dropLast().map(String.init).joined(separator: ", ")) and \(Self.readableVersions.last!)")
        }
        let payload = Array(bytes[headerEnd...])
        guard header[2] == "sha256: " + SHA256.hexDigest(of: payload) else {
            throw fail("the model is damaged (its checksum does not match its content)", [.copyAgain, .retrainModel])
        }
        var reader = ByteReader(bytes: payload)
        do {
            let summaryText = try reader.string()
            let temperature = try reader.float()
            let start = try (0..<Tags.count).map { _ in try reader.float() }
            let transition = try (0..<SequenceModel.transitionCount).map { _ in try reader.float() }
            let rowCount = Int(try reader.uint32())
            var rows: [UInt32: Int] = [:]
            var emission: [Float] = []
            emission.reserveCapacity(rowCount * Tags.count)
            for row in 0..<rowCount {
                let hash = try reader.uint32()
                let scale = try reader.float()
                for _ in 0..<Tags.count { emission.append(Float(Int8(bitPattern: try reader.byte())) * scale) }
                rows[hash] = row
            }
            relationTemperature = try reader.float()
            let choices = try (0..<2).map { _ in ChoiceModel(weights: try reader.weights()) }
            if version == 3 {
                let threshold = try reader.float()
                gate = UnitGate(weights: try reader.weights(), threshold: threshold)
            } else if version == 4 {
                var read = UnitGate(weights: try reader.weights(), threshold: try reader.optionalFloat())
                for _ in 0..<(try reader.uint32()) {
                    guard let genre = Genre(rawValue: try reader.string()) else { throw ByteReader.Truncated() }
                    if let threshold = try reader.optionalFloat() { read.genreThresholds[genre] = threshold } else { read.ungatedGenres.insert(genre) }
                }
                gate = read
            }
            guard reader.atEnd else { throw ByteReader.Truncated() }
            sequence = SequenceModel(rows: rows, emission: emission, transition: transition, start: start, temperature: temperature)
            relations = choices[0]
            stance = choices[1]
            summary = TrainingSummary(text: summaryText)
        } catch {
            throw fail("the model is damaged (its content ends early or runs on)")
        }
    }

    /// The size of the model's file in bytes.
    package var fileSize: Int { encoded().count }
}

/// Why a model file could not be used.
package struct ModelLoadError: Error, Sendable, CustomStringConvertible {
    package var path: String
    package var message: String
    /// What would give a readable model; the frontend words them.
    package var remedies: [Remedy] = []
    package var description: String { "\(path): error: \(message)" }
}

/// What a model was trained on, kept in the model file for `argmark train` and the workbench.
package struct TrainingSummary: Sendable, Equatable {
    package var documents = 0
    package var segments = 0
    /// Gold units of each type (only types that occur).
    package var units: [UnitType: Int] = [:]
    package var relations = 0
    package var stances = 0
    /// Features the unit model kept.
    package var features = 0
    /// The genre given to articles that declare none (`argmark train --genre`).
    package var defaultGenre: Genre?
    /// The segments the unit model tags (models from before it was chosen are clause models).
    package var granularity = Granularity.clauses

    package init() {}

    var text: String {
        var lines = ["documents \(documents)", "segments \(segments)", "relations \(relations)", "stances \(stances)", "features \(features)"]
        for type in UnitType.allCases { if let count = units[type] { lines.append("units.\(type.rawValue) \(count)") } }
        if let defaultGenre { lines.append("genre \(defaultGenre.rawValue)") }
        // Written only for sentence models, so a clause model's bytes stay those of the
        // format before the choice existed (the shipped model among them).
        if granularity != .clauses { lines.append("segmentation \(granularity.rawValue)") }
        return lines.joined(separator: "\n")
    }

    init(text: String) {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let number = Int(parts[1]) ?? 0
            switch parts[0] {
            case "documents": documents = number
            case "segments": segments = number
            case "relations": relations = number
            case "stances": stances = number
            case "features": features = number
            case "genre": defaultGenre = Genre(rawValue: parts[1])
            case "segmentation": granularity = Granularity(rawValue: parts[1]) ?? .clauses
            default:
                if parts[0].hasPrefix("units."), let type = UnitType(rawValue: String(parts[0].dropFirst(6))) { units[type] = number }
            }
        }
    }
}

/// Little-endian writing of the model payload.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func float(_ value: Float) { uint32(value.bitPattern) }

    /// A byte saying whether a value follows (1) or not (0), then the value.
    mutating func optionalFloat(_ value: Float?) {
        bytes.append(value == nil ? 0 : 1)
        if let value { float(value) }
    }

    /// A table of hashed feature weights, in the order of the hashes.
    mutating func weights(_ table: [UInt32: Float]) {
        uint32(UInt32(table.count))
        for (hash, weight) in table.sorted(by: { $0.key < $1.key }) {
            uint32(hash)
            float(weight)
        }
    }

    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        uint32(UInt32(utf8.count))
        bytes += utf8
    }
}

/// Reading it back; every read checks the length, so a truncated file is an error, not a crash.
struct ByteReader {
    struct Truncated: Error {}
    let bytes: [UInt8]
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func byte() throws(Truncated) -> UInt8 {
        guard offset < bytes.count else { throw Truncated() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint32() throws(Truncated) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw Truncated() }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[offset + index]) << UInt32(8 * index) }
        offset += 4
        return value
    }

    mutating func float() throws(Truncated) -> Float { Float(bitPattern: try uint32()) }

    mutating func optionalFloat() throws(Truncated) -> Float? {
        switch try byte() {
        case 0: return nil
        case 1: return try float()
        default: throw Truncated()
        }
    }

    mutating func weights() throws(Truncated) -> [UInt32: Float] {
        let count = Int(try uint32())
        var table: [UInt32: Float] = [:]
        for _ in 0..<count { table[try uint32()] = try float() }
        return table
    }

    mutating func string() throws(Truncated) -> String {
        let count = Int(try uint32())
        guard count <= bytes.count - offset else { throw Truncated() }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }
}

/// Base64 (RFC 4648) decoding for the embedded model; white space is skipped.
enum Base64 {
    static func decode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for character in text.utf8 {
            let value: UInt32
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(character - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(character - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(character - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            default: continue
            }
            buffer = buffer << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return bytes
    }
}
