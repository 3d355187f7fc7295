import InspraakSource
import InspraakTemplates

/// A record's extra fields as a template sees them (`extra.<key>`): strings, numbers, booleans,
/// lists and objects; a decimal as its text, an empty value as "".
extension ExtraValue {
    var templateValue: TemplateValue {
        switch self {
        case .text(let text): return .text(text)
        case .integer(let number): return .number(number)
        case .number(let number): return .text(String(number))
        case .boolean(let flag): return .bool(flag)
        case .empty: return .text("")
        case .list(let items): return .list(items.map(\.templateValue))
        case .fields(let fields):
            var object: [String: TemplateValue] = [:]
            for field in fields { object[field.key] = field.value.templateValue }
            return .object(object)
        }
    }
}
