/// What a template sees. Views are built from these typed values, so rendering a page needs no
/// dynamic casts or reflection: a lookup is a dictionary access, a section a `switch`.
///
/// Truthiness follows swift-mustache, whose templates we keep: `false`, a missing name and an
/// empty list leave a section out; everything else (an empty text, the number 0) shows it.
public enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    case number(Int)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// A text that may be absent: `false` when it is, so `{{#x}}` leaves its section out and a
    /// lookup does not climb into enclosing contexts to find another `x`.
    package static func optional(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.text) ?? .bool(false)
    }

    /// A view that may be absent, with the same rule as `optional(_:)`.
    package static func optional(_ value: TemplateValue?) -> TemplateValue {
        value ?? .bool(false)
    }

    package subscript(key: String) -> TemplateValue? {
        get {
            if case .object(let fields) = self { return fields[key] }
            return nil
        }
        set {
            guard case .object(var fields) = self else { return }
            self = .bool(false) // release the old storage, so the change below does not copy it
            fields[key] = newValue
            self = .object(fields)
        }
    }
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

/// A view: the named values of one page or one part of it.
package typealias View = [String: TemplateValue]

extension TemplateValue {
    package init(_ view: View) { self = .object(view) }
    package init(_ views: [View]) { self = .list(views.map(TemplateValue.object)) }
}
