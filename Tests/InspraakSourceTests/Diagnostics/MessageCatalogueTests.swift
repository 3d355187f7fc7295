import Foundation
import XCTest

@testable import InspraakSource

/// Every sentence lives in a catalogue (`*Message.swift`, `*Message+*.swift`), one per stage,
/// and "did you mean" is said in one place: checked over the source text, so a sentence
/// written inline fails here instead of drifting from the rest.
final class MessageCatalogueTests: XCTestCase {
    private static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Calls whose arguments are what a person reads: a diagnostic, a usage error, a template
    /// problem, a note or a printed line.
    private static let messageCalls = [
        ".error(", ".warning(", "Diagnostic(", "ValidationError(", "TemplateSyntaxError(", "Problem(", "fail(",
        "notes.append(", "print(", "write(line:", "wrongType(", "message:",
    ]

    /// The catalogues each stage may say things from, by the folder its files are in; the shared
    /// `Message` is open to every stage of the library (the command line cannot see it).
    private static let stageCatalogues: [String: Set<String>] = [
        "Diagnostics": ["Message"],
        "Load": ["LoadMessage", "Message"],
        "Model": ["ModelMessage", "Message"],
        "Graph": ["GraphMessage", "Message"],
        "Render": ["RenderMessage", "TemplateMessage", "Message"],
        "Write": ["WriteMessage", "Message"],
        "Scaffold": ["ScaffoldMessage", "Message"],
        "inspraak": ["CLIMessage"],
    ]

    func testNoMessageCallOutsideTheCataloguesIsPassedASentence() throws {
        var found: [String] = []
        for file in try Self.swiftFiles() where !Self.isCatalogue(file) {
            let text = try String(contentsOf: file, encoding: .utf8)
            let scan = SwiftText(text)
            for call in Self.messageCalls {
                for open in scan.occurrences(of: call) {
                    let end = scan.argumentsEnd(from: open)
                    for literal in scan.literals where literal.start >= open && literal.start < end && Self.isSentence(literal.text) {
                        found.append("\(Self.relative(file)):\(scan.line(of: literal.start)): \(call) is passed \"\(literal.text)\"")
                    }
                }
            }
        }
        XCTAssertEqual(found, [], "move these sentences into the stage's message catalogue")
    }

    func testDidYouMeanIsSpelledOnlyByTheSharedHelper() throws {
        var found: [String] = []
        for file in try Self.swiftFiles() where file.lastPathComponent != "Message.swift" {
            let scan = SwiftText(try String(contentsOf: file, encoding: .utf8))
            for literal in scan.literals where literal.text.lowercased().contains("did you mean") {
                found.append("\(Self.relative(file)):\(scan.line(of: literal.start))")
            }
        }
        XCTAssertEqual(found, [], "suggest with Message.didYouMean(_:among:)")
    }

    func testEachStageSaysThingsOnlyFromItsOwnCatalogueOrTheSharedOne() throws {
        let reference = try NSRegularExpression(pattern: #"(?<![A-Za-z0-9_])([A-Z][A-Za-z]*)?Message\."#)
        var found: [String] = []
        for file in try Self.swiftFiles() {
            let components = file.pathComponents.drop { $0 != "Sources" }
            guard let stage = components.last(where: { Self.stageCatalogues[$0] != nil }), let allowed = Self.stageCatalogues[stage] else { continue }
            let scan = SwiftText(try String(contentsOf: file, encoding: .utf8))
            let masked = scan.code
            let code = masked as NSString
            for match in reference.matches(in: masked, range: NSRange(location: 0, length: code.length)) {
                let name = code.substring(with: match.range).dropLast()
                if !allowed.contains(String(name)) { found.append("\(Self.relative(file)): \(name)") }
            }
        }
        XCTAssertEqual(Array(Set(found)).sorted(), [], "a stage speaks through its own catalogue (or the shared Message)")
    }

    func testTheCheckFindsAnInlineSentence() {
        let scan = SwiftText(#"diagnostics.error(here, "the value `\(key)` is wrong", hint: nil) // "not this""#)
        XCTAssertEqual(scan.literals.map(\.text), ["the value `` is wrong"])
        let open = scan.occurrences(of: ".error(")
        XCTAssertEqual(open.count, 1)
        XCTAssertTrue(scan.literals[0].start > open[0] && scan.literals[0].start < scan.argumentsEnd(from: open[0]))
        XCTAssertTrue(Self.isSentence(scan.literals[0].text))
    }

    func testDidYouMeanSuggestsOnlyACloseName() {
        XCTAssertEqual(Message.didYouMean("theem", among: ["title", "theme"]), "did you mean `theme`?")
        XCTAssertNil(Message.didYouMean("organisation", among: ["title", "theme"]))
    }

    /// Words with a space between them: a sentence or part of one, not a key, path or separator.
    private static func isSentence(_ text: String) -> Bool {
        text.range(of: #"[A-Za-z]{2,} +[A-Za-z`(]"#, options: .regularExpression) != nil
    }

    private static func isCatalogue(_ file: URL) -> Bool {
        file.lastPathComponent.range(of: #"Message(\+[A-Za-z]+)?\.swift$"#, options: .regularExpression) != nil
    }

    private static func relative(_ file: URL) -> String {
        String(file.path.dropFirst(sources.deletingLastPathComponent().path.count + 1))
    }

    private static func swiftFiles() throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        let files = (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
        XCTAssertFalse(files.isEmpty, "no sources under \(sources.path)")
        return files.sorted { $0.path < $1.path }
    }
}

/// Swift source with its string literals and comments blanked out (`masked`, one byte for each
/// of the source's UTF-8 bytes) and the literals' text outside interpolations kept apart: enough
/// to find a call's arguments and the literals passed to it. Positions are byte offsets.
private struct SwiftText {
    struct Literal {
        let start: Int
        let text: String
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
    private static let open = UInt8(ascii: "("), close = UInt8(ascii: ")"), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")

    private let bytes: [UInt8]
    private(set) var masked: [UInt8] = []
    private(set) var literals: [Literal] = []

    init(_ source: String) {
        bytes = Array(source.utf8)
        masked.reserveCapacity(bytes.count)
        var found: [(offset: Int, text: [UInt8])] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : Self.space
            if byte == Self.slash, next == Self.slash {
                while index < bytes.count, bytes[index] != Self.newline { masked.append(Self.space); index += 1 }
            } else if byte == Self.slash, next == Self.star {
                while index < bytes.count, !(bytes[index] == Self.star && index + 1 < bytes.count && bytes[index + 1] == Self.slash) {
                    masked.append(bytes[index] == Self.newline ? Self.newline : Self.space)
                    index += 1
                }
                masked.append(contentsOf: [Self.space, Self.space])
                index += 2
            } else if byte == Self.quote {
                let (end, text) = Self.string(bytes, at: index, literals: &found)
                found.append((index, text))
                for position in index..<min(end, bytes.count) { masked.append(bytes[position] == Self.newline ? Self.newline : Self.space) }
                index = end
            } else {
                masked.append(byte)
                index += 1
            }
        }
        literals = found.sorted { $0.offset < $1.offset }.map { Literal(start: $0.offset, text: String(decoding: $0.text, as: UTF8.self)) }
    }

    /// A string literal from its opening quote: the offset after it, and its text outside
    /// interpolations (literals inside interpolations are collected too).
    private static func string(_ bytes: [UInt8], at start: Int, literals: inout [(offset: Int, text: [UInt8])]) -> (Int, [UInt8]) {
        let multiline = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        var index = start + (multiline ? 3 : 1)
        var text: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == backslash, index + 1 < bytes.count {
                if bytes[index + 1] == open {
                    index = interpolationEnd(bytes, from: index + 2, literals: &literals)
                } else {
                    index += 2
                }
                continue
            }
            if byte == quote {
                if !multiline { return (index + 1, text) }
                if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote { return (index + 3, text) }
            }
            if byte == newline && !multiline { return (index, text) }
            text.append(byte)
            index += 1
        }
        return (index, text)
    }

    /// The offset after the `)` that closes an interpolation whose code starts at `from`.
    private static func interpolationEnd(_ bytes: [UInt8], from: Int, literals: inout [(offset: Int, text: [UInt8])]) -> Int {
        var depth = 1
        var index = from
        while index < bytes.count {
            switch bytes[index] {
            case quote:
                let start = index
                let (end, text) = string(bytes, at: index, literals: &literals)
                literals.append((start, text))
                index = end
                continue
            case open: depth += 1
            case close:
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return index
    }

    /// Where each `call` stands in the code: the offset of its `(` (or, for a label such as
    /// `message:`, of the byte after it).
    func occurrences(of call: String) -> [Int] {
        let pattern = Array(call.utf8)
        guard let first = pattern.first, pattern.count <= masked.count else { return [] }
        var found: [Int] = []
        var start = 0
        while start <= masked.count - pattern.count {
            if masked[start] == first, masked[start..<start + pattern.count].elementsEqual(pattern) {
                found.append(call.hasSuffix("(") ? start + pattern.count - 1 : start + pattern.count)
            }
            start += 1
        }
        return found
    }

    /// Where the arguments that start at `open` end: its matching `)`; for a label, the line's end.
    func argumentsEnd(from start: Int) -> Int {
        guard start < masked.count, masked[start] == Self.open else {
            return masked[start...].firstIndex(of: Self.newline) ?? masked.count
        }
        var depth = 0
        for index in start..<masked.count {
            switch masked[index] {
            case Self.open: depth += 1
            case Self.close:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return masked.count
    }

    /// The code with literals and comments blanked, as text (for regular expressions).
    var code: String { String(decoding: masked, as: UTF8.self) }

    func line(of offset: Int) -> Int {
        bytes[..<offset].reduce(1) { $1 == Self.newline ? $0 + 1 : $0 }
    }
}
