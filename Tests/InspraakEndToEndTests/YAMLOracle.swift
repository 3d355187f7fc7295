import Foundation
import Yams
@testable import InspraakSource

/// Compares inspraak's YAML reader (libyaml events straight into `Field`s, Load/YAMLFields.swift)
/// with Yams' node tree of the same text, field by field: keys in order, list lengths, scalar
/// values and types, and the line and column of every key and value.
///
/// Where the two differ by design, the difference is named (`Difference`) and our documented
/// behaviour is asserted instead of Yams':
/// - plain scalars are typed by YAML 1.2's core schema, not YAML 1.1 (Yams' default resolver):
///   only `true`/`false` (three casings) are booleans, so `yes`, `no`, `on`, `off` stay text;
///   integers are decimal digits (`010` is ten, not octal eight); `0x1F`, `0b101`, `0o17`,
///   `1_000`, `12:30`, `.inf` and `.nan` stay text;
/// - dates and times stay text: the model reads them and can say what is wrong with one;
/// - `<<` and `=` are ordinary text, not a merge key or a value key;
/// - aliases (`*name`) are refused with a message (Yams resolves them); anchors alone are ignored;
/// - a key is the text as written (`True:` is the key `True`).
struct YAMLOracle {
    /// A way Yams (YAML 1.1) and inspraak (YAML 1.2 core, dates as text) read a plain scalar
    /// differently on purpose.
    enum Difference: String, CaseIterable {
        case yaml11Boolean = "YAML 1.1 boolean (yes/no/on/off) is text"
        case timestamp = "a date or time is text"
        case yaml11Integer = "YAML 1.1 integer form (0x, 0o, 0b, _, 12:30) is text"
        case leadingZero = "a number with leading zeros is decimal, not octal"
        case yaml11Float = "YAML 1.1 decimal form (.inf, .nan, _, 1:30.5) is text"
        case mergeOrValueKey = "`<<` and `=` are text"
    }

    /// What one comparison found.
    struct Tally {
        var documents = 0
        var fields = 0
        var scalars = 0
        var agreeing = 0
        var differences: [Difference: Int] = [:]
        var bothRejected = 0
        var rejectedPaths: [String] = []
        /// Read by Yams, refused by inspraak on purpose (an alias, a front matter that is not fields).
        var refusedByDesign = 0
        var mismatches: [String] = []

        mutating func add(_ other: Tally) {
            documents += other.documents
            fields += other.fields
            scalars += other.scalars
            agreeing += other.agreeing
            differences.merge(other.differences, uniquingKeysWith: +)
            bothRejected += other.bothRejected
            rejectedPaths += other.rejectedPaths
            refusedByDesign += other.refusedByDesign
            mismatches += other.mismatches
        }
    }

    /// Plain scalars our reader types as an integer or a decimal (YAML 1.2 core, without
    /// `.inf`/`.nan`); restated here only to sort Yams' YAML 1.1 answers into `Difference`s.
    static let decimalInteger = try! NSRegularExpression(pattern: "^[-+]?[0-9]+$")
    static let decimalNumber = try! NSRegularExpression(pattern: "^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
    static let ourBooleans: [String: Bool] = ["true": true, "True": true, "TRUE": true, "false": false, "False": false, "FALSE": false]

    static func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Compares one YAML front matter (the lines between the fences) as both readers read it.
    static func compare(_ frontMatter: FrontMatter, path: String) -> Tally {
        var tally = Tally()
        tally.documents = 1
        let text = frontMatter.text, firstLine = frontMatter.firstLine
        let ours = frontMatter.fields(path: path)
        let theirs: Node?
        do {
            theirs = try Yams.compose(yaml: text, .default)
        } catch {
            if case .success = ours { tally.mismatches.append("\(path): Yams rejects it (\(error)), inspraak reads it") }
            else {
                tally.bothRejected += 1
                tally.rejectedPaths.append(path)
            }
            return tally
        }
        switch ours {
        case .failure(let diagnostic):
            if documentedRefusal(diagnostic, theirs) != nil {
                tally.refusedByDesign += 1
            } else {
                tally.mismatches.append("\(path): inspraak rejects it (\(diagnostic)), Yams reads it")
            }
        case .success(let table):
            guard let theirs else {
                if !table.entries.isEmpty { tally.mismatches.append("\(path): Yams reads nothing, inspraak reads \(table.keys)") }
                return tally
            }
            var comparison = Comparison(path: path, lineOffset: firstLine - 1)
            comparison.compare(Field(.table(table), at: table.location), theirs, at: "")
            tally.add(comparison.tally)
        }
        return tally
    }

    /// Texts inspraak refuses on purpose though Yams reads them: aliases, and a front matter
    /// that is not a set of fields. Nil when the refusal is not one of those.
    static func documentedRefusal(_ diagnostic: Diagnostic, _ theirs: Node?) -> String? {
        if diagnostic.message == LoadMessage.yamlAlias { return "alias" }
        if diagnostic.message == LoadMessage.frontMatterNotMapping, let theirs, theirs.mapping == nil { return "not a mapping" }
        // Control characters never reach a page (issue 12); Yams lets some of them through.
        if diagnostic.message.hasPrefix("this text holds an invisible control character") { return "control character" }
        return nil
    }

    struct Comparison {
        let path: String
        let lineOffset: Int
        var tally = Tally()

        mutating func mismatch(_ at: String, _ what: String) {
            tally.mismatches.append("\(path) \(at.isEmpty ? "(root)" : at): \(what)")
        }

        /// The line and column of a value (or key) against Yams' mark for it.
        mutating func compareLocation(_ location: SourceLocation, _ node: Node, at: String, what: String) {
            guard let mark = node.mark else { return mismatch(at, "Yams has no mark for the \(what)") }
            if location.line != mark.line + lineOffset || location.column != mark.column {
                mismatch(at, "\(what) at \(location.line):\(location.column), Yams says \(mark.line + lineOffset):\(mark.column)")
            }
        }

        mutating func compare(_ field: Field, _ node: Node, at: String) {
            tally.fields += 1
            compareLocation(field.location, node, at: at, what: "value")
            switch (field.value, node) {
            case (.table(let table), .mapping(let mapping)):
                let pairs = Array(mapping)
                guard table.entries.count == pairs.count else {
                    return mismatch(at, "\(table.entries.count) keys, Yams has \(pairs.count)")
                }
                for (entry, pair) in zip(table.entries, pairs) {
                    let here = at.isEmpty ? entry.key : "\(at).\(entry.key)"
                    guard case .scalar(let key) = pair.key else { mismatch(here, "Yams has a key that is not text"); continue }
                    if entry.key != key.string { mismatch(here, "key \(entry.key.debugDescription), Yams has \(key.string.debugDescription)") }
                    compareLocation(entry.keyLocation, pair.key, at: here, what: "key")
                    compare(entry.field, pair.value, at: here)
                }
            case (.list(let items), .sequence(let sequence)):
                let nodes = Array(sequence)
                guard items.count == nodes.count else { return mismatch(at, "\(items.count) items, Yams has \(nodes.count)") }
                for (index, (item, node)) in zip(items, nodes).enumerated() {
                    compare(item, node, at: "\(at)[\(index)]")
                }
            case (_, .scalar(let scalar)):
                tally.scalars += 1
                compareScalar(field.value, scalar, node, at: at)
            default:
                mismatch(at, "inspraak reads \(field.kindDescription), Yams reads \(node)")
            }
        }

        /// A scalar: quoted and block scalars are text in both; a plain one takes the type
        /// Yams resolves, unless that is one of the documented differences.
        mutating func compareScalar(_ ours: Field.Value, _ scalar: Node.Scalar, _ node: Node, at: String) {
            let text = scalar.string
            let expected: Field.Value
            var difference: Difference?
            if scalar.style != .plain && scalar.style != .any {
                expected = .string(text)
            } else {
                switch Tag.Name(rawValue: node.tag.rawValue) {
                case .null:
                    expected = .null
                case .bool:
                    if let flag = YAMLOracle.ourBooleans[text] { expected = .boolean(flag) } else { expected = .string(text); difference = .yaml11Boolean }
                case .int:
                    if matches(decimalInteger, text) {
                        expected = .integer(Int(text)!)
                        let digits = text.drop { $0 == "-" || $0 == "+" }
                        if digits.count > 1, digits.first == "0" { difference = .leadingZero }
                    } else {
                        expected = .string(text)
                        difference = .yaml11Integer
                    }
                case .float:
                    if matches(decimalInteger, text) {
                        // `08`, `09`: not octal, so YAML 1.1 falls back to a float; ours is decimal.
                        expected = .integer(Int(text)!)
                        difference = .leadingZero
                    } else if matches(decimalNumber, text), let number = node.float {
                        expected = .number(number)
                    } else {
                        expected = .string(text)
                        difference = .yaml11Float
                    }
                case .timestamp:
                    expected = .string(text)
                    difference = .timestamp
                case .merge, .value:
                    expected = .string(text)
                    difference = .mergeOrValueKey
                default:
                    expected = .string(text)
                }
            }
            if same(ours, expected) {
                if let difference { tally.differences[difference, default: 0] += 1 } else { tally.agreeing += 1 }
            } else {
                mismatch(at, "inspraak reads \(describe(ours)), expected \(describe(expected)) for \(text.debugDescription) (\(scalar.style), Yams tag \(node.tag.rawValue))")
            }
        }

        func same(_ a: Field.Value, _ b: Field.Value) -> Bool {
            switch (a, b) {
            case (.string(let x), .string(let y)): return x == y
            case (.integer(let x), .integer(let y)): return x == y
            case (.number(let x), .number(let y)): return x == y || (x.isNaN && y.isNaN)
            case (.boolean(let x), .boolean(let y)): return x == y
            case (.null, .null): return true
            default: return false
            }
        }

        func describe(_ value: Field.Value) -> String {
            switch value {
            case .string(let text): return "text \(text.debugDescription)"
            case .integer(let number): return "integer \(number)"
            case .number(let number): return "decimal \(number)"
            case .boolean(let flag): return "boolean \(flag)"
            case .null: return "empty"
            case .list: return "a list"
            case .table: return "a set of fields"
            }
        }
    }
}
