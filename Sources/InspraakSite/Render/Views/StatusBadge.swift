import InspraakTemplates
import InspraakSource
/// A status as a badge shows it: a key for its colour, a label, and the days that matter
/// (`status-badge` partial).
struct StatusBadge: TemplateView {
    let key: String
    let label: String
    let detail: String?

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case key, label, detail }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .key: return .text(self.key)
        case .label: return .text(label)
        case .detail: return .optional(detail)
        }
    }
}

/// An outcome or an implementation state: a key for its colour and a label, nothing more.
struct BadgeLabel: TemplateView {
    let key: String
    let label: String

    static func outcome(_ outcome: Outcome, strings: Strings) -> BadgeLabel {
        BadgeLabel(key: outcome.rawValue, label: strings[outcome.stringKey])
    }

    static func implementation(_ state: Implementation, strings: Strings) -> BadgeLabel {
        BadgeLabel(key: "implementation-\(state.rawValue)", label: strings[state.stringKey])
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case key, label }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .key: return .text(self.key)
        case .label: return .text(label)
        }
    }
}
