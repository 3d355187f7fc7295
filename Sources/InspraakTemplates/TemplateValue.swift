/// What a template sees. Views are typed values (`TemplateObject`), so rendering a page needs no
/// dynamic casts or reflection: a lookup is a `switch` over a view's keys, a section a `switch`
/// over the value.
///
/// Truthiness follows swift-mustache, whose templates we keep: `false`, a missing name and an
/// empty list leave a section out; everything else (an empty text, the number 0) shows it.
public enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    case number(Int)
    case list([TemplateValue])
    /// Data that truly is a dictionary: the UI strings (`t`), a record's extra front matter.
    case object([String: TemplateValue])
    /// A typed view; its values are made when a template asks for them. Held by reference:
    /// copying or dropping a value is then a retain or a release, where an existential of any
    /// view type went through that type's value witnesses (a million times at 1,000 records).
    /// Made with `view(_:)`, which boxes a view that is not a class.
    case viewObject(any TemplateObject & AnyObject)

    /// A view that is a class, as it is.
    @inlinable
    package static func view<View: TemplateObject & AnyObject>(_ view: View) -> TemplateValue {
        .viewObject(view)
    }

    /// A view that is a value, in a box.
    package static func view<View: TemplateObject>(_ view: View) -> TemplateValue {
        .viewObject(TemplateViewBox(view))
    }

    /// A text that may be absent: `false` when it is, so `{{#x}}` leaves its section out and a
    /// lookup does not climb into enclosing contexts to find another `x`.
    package static func optional(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.text) ?? .bool(false)
    }

    /// A view that may be absent, with the same rule as `optional(_:)`.
    package static func optional(_ view: (any TemplateObject)?) -> TemplateValue {
        guard let view else { return .bool(false) }
        return .view(view)
    }

    /// A list of views.
    package static func views<View: TemplateObject>(_ views: [View]) -> TemplateValue {
        .list(views.map { .view($0) })
    }

    /// A list of views that are classes.
    package static func views<View: TemplateObject & AnyObject>(_ views: [View]) -> TemplateValue {
        .list(views.map { .view($0) })
    }

    /// The value of `name` in an object or view; nil for anything else or a name it does not have.
    package func field(_ name: String) -> TemplateValue? { field(TemplateKey(name)) }

    /// The same, for a name whose hash the template parser made.
    @inlinable
    package func field(_ key: TemplateKey) -> TemplateValue? {
        switch self {
        case .object(let fields): return fields[key.text]
        case .viewObject(let view): return view.value(for: key)
        default: return nil
        }
    }

    /// The names an object or view has a value for, with their values (a view's all made now).
    package var fields: [String: TemplateValue]? {
        switch self {
        case .object(let fields): return fields
        case .viewObject(let view):
            var fields: [String: TemplateValue] = [:]
            for name in view.templateKeys { if let value = view.value(for: TemplateKey(name)) { fields[name] = value } }
            return fields
        default: return nil
        }
    }

    package subscript(key: String) -> TemplateValue? {
        get { field(key) }
        set {
            guard case .object(var fields) = self else { return }
            self = .bool(false) // release the old storage, so the change below does not copy it
            fields[key] = newValue
            self = .object(fields)
        }
    }
}

/// A typed value a template can look into (`{{record.title}}`, `{{#status}}`).
public protocol TemplateObject: Sendable {
    /// The value of `name`; nil when this object has none, so the lookup climbs to the
    /// enclosing ones (Mustache's rule), which is not the same as `false`.
    func value(for name: TemplateKey) -> TemplateValue?
    /// Every name `value(for:)` may answer (for the theme contract and for comparisons).
    var templateKeys: [String] { get }
    /// For a name whose value draws the same wherever it has the same key (the navigation as
    /// seen from one folder depth, the feeds a page announces): that key. A section over the
    /// value may then be drawn once and its bytes reused (`FragmentCache`); nil, the default,
    /// draws it every time.
    func fragmentKey(for name: TemplateKey) -> String?
}

extension TemplateObject {
    package func fragmentKey(for name: TemplateKey) -> String? { nil }
}

/// Fields known by name, looked up through a `KeyTable` (the name's hash made when the theme was
/// parsed) where an `.object` hashes the name on every lookup: what a site-wide dictionary that
/// every page reads (the UI strings, `t`) becomes with `TemplateValue.indexed()`.
package final class TemplateTable: TemplateObject {
    private let table: KeyTable
    private let values: [TemplateValue]

    package init(_ fields: [String: TemplateValue]) {
        let sorted = fields.sorted { $0.key < $1.key }
        table = KeyTable(sorted.map(\.key))
        values = sorted.map(\.value)
    }

    package func value(for name: TemplateKey) -> TemplateValue? {
        table.position(of: name).map { values[$0] }
    }

    package var templateKeys: [String] { table.names }
}

extension TemplateValue {
    /// The same value with every `.object` in it (in lists too) a `TemplateTable`: the same
    /// fields, found faster.
    package func indexed() -> TemplateValue {
        switch self {
        case .object(let fields): return .view(TemplateTable(fields.mapValues { $0.indexed() }))
        case .list(let items): return .list(items.map { $0.indexed() })
        default: return self
        }
    }
}

/// A view that is a value (a struct), held by a `TemplateValue` in this box.
package final class TemplateViewBox<View: TemplateObject>: TemplateObject {
    package let view: View

    package init(_ view: View) { self.view = view }

    package func value(for name: TemplateKey) -> TemplateValue? { view.value(for: name) }
    package var templateKeys: [String] { view.templateKeys }
    package func fragmentKey(for name: TemplateKey) -> String? { view.fragmentKey(for: name) }
}

/// A view type: its names are an enum, each turned into a template value in one `switch`.
package protocol TemplateView: TemplateObject {
    associatedtype Key: RawRepresentable, CaseIterable, Sendable where Key.RawValue == String
    /// Names to keys, made once per type (`Key(rawValue:)` compares the name with every case).
    static var keyIndex: KeyIndex<Key> { get }
    func value(_ key: Key) -> TemplateValue?
}

extension TemplateView {
    package var templateKeys: [String] { Self.keys }
    package static var keys: [String] { Key.allCases.map(\.rawValue) }
}

extension TemplateValue: ExpressibleByStringInterpolation, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements) { _, last in last })
    }
}

/// A view type's names. The table holds positions in `keys`, so the lookup is the same
/// concrete code for every view type (a generic `[String: Key]` is not specialised when it is
/// reached through a protocol).
package struct KeyIndex<Key: RawRepresentable & CaseIterable & Sendable>: Sendable where Key.RawValue == String {
    package let table: KeyTable
    /// `Key.allCases`, in order.
    package let keys: [Key]

    package init() {
        keys = Array(Key.allCases)
        table = KeyTable(keys.map(\.rawValue))
    }

    @inlinable
    package func callAsFunction(_ name: String) -> Key? { table.position(of: TemplateKey(name)).map { keys[$0] } }
}
