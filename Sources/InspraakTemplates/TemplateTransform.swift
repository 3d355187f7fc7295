/// The transforms a tag may apply, as in `{{^empty(documents)}}` or `{{#first()}}`: the set
/// swift-mustache offers, so themes written for it keep working. An unknown name is a template
/// error, not a silently empty section.
enum TemplateTransform: String, CaseIterable, Sendable {
    case empty, count, first, last, reversed, sorted, enumerated
    case capitalized, lowercased, uppercased
    case equalzero, plusone, minusone, even, odd
    case index

    /// The transform applied to a value; nil when it does not apply to that kind of value.
    func apply(to value: TemplateValue) -> TemplateValue? {
        switch (self, value) {
        case (.empty, .text(let text)): return .bool(text.isEmpty)
        case (.capitalized, .text(let text)): return .text(Self.capitalize(text))
        case (.lowercased, .text(let text)): return .text(text.lowercased())
        case (.uppercased, .text(let text)): return .text(text.uppercased())
        case (.reversed, .text(let text)): return .text(String(text.reversed()))
        case (.empty, .list(let items)): return .bool(items.isEmpty)
        case (.count, .list(let items)): return .number(items.count)
        case (.first, .list(let items)): return items.first
        case (.last, .list(let items)): return items.last
        case (.reversed, .list(let items)): return .list(items.reversed())
        case (.sorted, .list(let items)): return Self.sort(items).map(TemplateValue.list)
        case (.empty, .object), (.empty, .viewObject): return .bool(value.fields?.isEmpty ?? true)
        case (.count, .object), (.count, .viewObject): return .number(value.fields?.count ?? 0)
        case (.sorted, .object), (.enumerated, .object), (.sorted, .viewObject), (.enumerated, .viewObject):
            let fields = value.fields ?? [:]
            // swift-mustache's `enumerated` follows dictionary order; sorted keeps output deterministic.
            return .list(fields.keys.sorted().map { .object(["key": .text($0), "value": fields[$0]!]) })
        case (.equalzero, .number(let n)): return .bool(n == 0)
        case (.plusone, .number(let n)): return .number(n + 1)
        case (.minusone, .number(let n)): return .number(n - 1)
        case (.even, .number(let n)): return .bool(n & 1 == 0)
        case (.odd, .number(let n)): return .bool(n & 1 == 1)
        default: return nil
        }
    }

    /// `{{#first()}}` and friends inside a list section: where the current element stands.
    func apply(to position: SequencePosition) -> TemplateValue? {
        switch self {
        case .first: return .bool(position.index == 0)
        case .last: return .bool(position.isLast)
        case .index: return .number(position.index)
        case .even: return .bool(position.index & 1 == 0)
        case .odd: return .bool(position.index & 1 == 1)
        default: return nil
        }
    }

    private static func capitalize(_ text: String) -> String {
        var result = ""
        var startOfWord = true
        for character in text {
            result += startOfWord ? character.uppercased() : character.lowercased()
            startOfWord = character.isWhitespace
        }
        return result
    }

    /// Lists of texts or of numbers sort; anything else has no order.
    private static func sort(_ items: [TemplateValue]) -> [TemplateValue]? {
        var texts: [String] = [], numbers: [Int] = []
        for item in items {
            switch item {
            case .text(let text): texts.append(text)
            case .number(let number): numbers.append(number)
            default: return nil
            }
        }
        if numbers.isEmpty { return texts.sorted().map(TemplateValue.text) }
        if texts.isEmpty { return numbers.sorted().map(TemplateValue.number) }
        return nil
    }
}

/// Where the element being rendered stands in the list of its section.
struct SequencePosition {
    let index: Int
    let isLast: Bool
}
