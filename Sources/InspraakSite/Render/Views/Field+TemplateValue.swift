import InspraakSource
import InspraakTemplates

// Here rather than in Load: the source target knows nothing of templates.
extension Field {
    /// The value as a template sees it: strings, numbers, booleans, arrays and dictionaries.
    var templateValue: TemplateValue {
        switch value {
        case .string(let text): return .text(text)
        case .integer(let number): return .number(number)
        case .number(let number): return .text(String(number))
        case .boolean(let flag): return .bool(flag)
        case .null: return .text("")
        case .list(let items): return .list(items.map(\.templateValue))
        case .table(let table):
            var fields: [String: TemplateValue] = [:]
            for entry in table.entries { fields[entry.key] = entry.field.templateValue }
            return .object(fields)
        }
    }
}
