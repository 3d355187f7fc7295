/// How far the carrying out of an adopted item has come (`implementation:` in `responds_to`).
public enum Implementation: String, Sendable, CaseIterable, Comparable {
    case planned
    case underway
    case done

    public static func < (lhs: Implementation, rhs: Implementation) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The key of its label in the theme's strings (`implementation.underway`).
    public var stringKey: String { "implementation.\(rawValue)" }
}

extension Outcome {
    /// Only what was (partly) adopted is carried out.
    public var canBeImplemented: Bool { self == .adopted || self == .partiallyAdopted }
}
