/// What became of an input point or a recommendation.
public enum Outcome: String, Sendable, CaseIterable, Comparable {
    case adopted
    case partiallyAdopted = "partially-adopted"
    case notAdopted = "not-adopted"
    case inProgress = "in-progress"
    case referred
    case noted

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The key of its label in the theme's strings (`outcome.partially-adopted`).
    public var stringKey: String { "outcome.\(rawValue)" }
}
