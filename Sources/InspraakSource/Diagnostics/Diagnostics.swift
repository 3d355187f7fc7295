/// Collects the diagnostics of one stage; a stage returns them with its value.
///
/// A value type on purpose: each stage (and each parallel worker) has its own and they are
/// merged, then sorted, at the end. Nothing global.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(.error(location, message, hint: hint))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(.warning(location, message, hint: hint))
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }

    public var hasErrors: Bool { all.hasErrors }

    /// Sorted and without repeats: what a report shows.
    public var sorted: [Diagnostic] { Array(Set(all)).sorted() }
}
