import Foundation

/// Reads typed fields from one record's front matter; each wrong field becomes one located message.
struct FieldReader {
    let table: FieldTable
    let path: String
    let zone: TimeZone
    var diagnostics = Diagnostics()

    init(_ table: FieldTable, path: String, zone: TimeZone) {
        self.table = table
        self.path = path
        self.zone = zone
    }

    var errorCount: Int { diagnostics.all.errorCount }

    var fileLocation: SourceLocation { SourceLocation(path: path, line: 1, column: 1) }

    func location(_ key: String) -> SourceLocation { table.entry(key)?.keyLocation ?? fileLocation }

    private mutating func wrongType(_ key: String, _ field: Field, expected: String) {
        diagnostics.error(field.location, ModelMessage.wrongType(key, expected: expected, found: field.kindDescription))
    }

    /// Text, where a number written without quotes also counts ("title: 2024").
    static func text(of field: Field) -> String? {
        switch field.value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        default: return nil
        }
    }

    mutating func string(_ key: String, in source: FieldTable? = nil) -> String? {
        guard let field = (source ?? table)[key] else { return nil }
        if case .null = field.value { return nil }
        guard let text = Self.text(of: field) else {
            wrongType(key, field, expected: ModelMessage.expectedText)
            return nil
        }
        return text
    }

    /// A text the record cannot do without: missing, empty (`title:`), null (`title: ~`) or only
    /// spaces are all errors, so no record is ever dropped in silence.
    mutating func required(_ key: String, what: String) -> String? {
        guard let field = table[key] else {
            diagnostics.error(fileLocation, ModelMessage.missingField(key, what: what))
            return nil
        }
        if case .null = field.value {
            diagnostics.error(location(key), ModelMessage.emptyField(key, what: what))
            return nil
        }
        guard let value = string(key) else { return nil }
        if value.trimmingSpaces().isEmpty {
            diagnostics.error(location(key), ModelMessage.emptyField(key, what: what))
            return nil
        }
        return value
    }

    /// A date the record cannot do without, reported like `required`.
    mutating func requiredMoment(_ key: String, what: String) -> Moment? {
        guard let field = table[key] else {
            diagnostics.error(fileLocation, ModelMessage.missingField(key, what: what))
            return nil
        }
        var isEmpty = false
        switch field.value {
        case .null: isEmpty = true
        case .string(let text): isEmpty = text.trimmingSpaces().isEmpty
        default: break
        }
        if isEmpty {
            diagnostics.error(location(key), ModelMessage.emptyField(key, what: what))
            return nil
        }
        return moment(key)
    }

    /// A list of texts; a single text counts as a list of one.
    mutating func strings(_ key: String) -> [String] {
        guard let field = table[key] else { return [] }
        switch field.value {
        case .null: return []
        case .list(let items):
            return items.compactMap { item in
                guard let text = Self.text(of: item) else {
                    wrongType(key, item, expected: ModelMessage.expectedTexts)
                    return nil
                }
                return text
            }
        default:
            if let text = Self.text(of: field) { return [text] }
            wrongType(key, field, expected: ModelMessage.expectedTexts)
            return []
        }
    }

    /// A whole number within `range`: every number field has bounds, so no sum or date counted
    /// from it can overflow.
    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let field = table[key] else { return nil }
        switch field.value {
        case .null: return nil
        case .integer(let number):
            guard range.contains(number) else {
                diagnostics.error(field.location, ModelMessage.outOfRange(key, number, range))
                return nil
            }
            return number
        default:
            wrongType(key, field, expected: ModelMessage.expectedWholeNumber)
            return nil
        }
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let field = table[key] else { return nil }
        switch field.value {
        case .null: return nil
        case .boolean(let flag): return flag
        default:
            wrongType(key, field, expected: ModelMessage.expectedTrueOrFalse)
            return nil
        }
    }

    mutating func moment(_ key: String) -> Moment? {
        guard let field = table[key] else { return nil }
        if case .null = field.value { return nil }
        guard case .string(let text) = field.value else {
            wrongType(key, field, expected: ModelMessage.expectedDate)
            return nil
        }
        guard let moment = Moment.parse(text, zone: zone) else {
            diagnostics.error(field.location, ModelMessage.invalidDate(key, text))
            return nil
        }
        guard Day.plausibleYears.contains(moment.day.components.year) else {
            diagnostics.error(field.location, ModelMessage.implausibleYear(key, text, Day.plausibleYears))
            return nil
        }
        return moment
    }

    mutating func day(_ key: String) -> Day? {
        moment(key)?.day
    }

    /// `[{id, text}]`: input points or recommendations.
    mutating func items(_ key: String) -> [Item] {
        guard let field = table[key] else { return [] }
        if case .null = field.value { return [] }
        guard case .list(let list) = field.value else {
            wrongType(key, field, expected: ModelMessage.expectedItems)
            return []
        }
        var items: [Item] = []
        var seen: [String: SourceLocation] = [:]
        for element in list {
            guard case .table(let entry) = element.value else {
                diagnostics.error(element.location, ModelMessage.itemNotTable(key))
                continue
            }
            for unknown in entry.entries where !["id", "text"].contains(unknown.key) {
                diagnostics.error(unknown.keyLocation, ModelMessage.unknownItemKey(unknown.key, in: key, known: ["id", "text"]),
                                  hint: Message.didYouMean(unknown.key, among: ["id", "text"]))
            }
            guard let idField = entry["id"], let id = Self.text(of: idField) else {
                diagnostics.error(entry.location, ModelMessage.itemWithoutID(key))
                continue
            }
            guard RecordID.isValid(id) else {
                diagnostics.error(idField.location, ModelMessage.invalidItemID(id), hint: ModelMessage.useInstead(RecordID.folded(id)))
                continue
            }
            guard let textField = entry["text"], let text = Self.text(of: textField), !text.trimmingSpaces().isEmpty else {
                diagnostics.error(entry.location, ModelMessage.itemWithoutText(id, in: key))
                continue
            }
            if let first = seen[id] {
                diagnostics.error(idField.location, ModelMessage.duplicateItem(id, firstLine: first.line))
                continue
            }
            seen[id] = idField.location
            items.append(Item(id: id, text: text, location: idField.location))
        }
        return items
    }

    mutating func refs(_ key: String) -> [Ref] {
        guard let field = table[key] else { return [] }
        let list: [Field]
        switch field.value {
        case .null: return []
        case .list(let items): list = items
        case .string: list = [field]
        default:
            wrongType(key, field, expected: ModelMessage.expectedRefs)
            return []
        }
        return list.compactMap { element in
            guard case .string(let text) = element.value else {
                wrongType(key, element, expected: ModelMessage.expectedRef)
                return nil
            }
            return Ref.parse(text, at: element.location)
        }
    }
}
