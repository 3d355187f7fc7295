/// What the graph needs of the site's settings, and nothing more: the graph cannot come to
/// depend on a setting without it being added here and passed in.
public struct GraphSettings: Sendable, Hashable {
    /// `[feedback] expected_days`: how long after a meeting its input should have had an answer.
    public var feedbackExpectedDays: Int

    public init(feedbackExpectedDays: Int) {
        self.feedbackExpectedDays = feedbackExpectedDays
    }

    /// The graph's part of site.toml.
    public init(_ config: SiteConfig) {
        self.init(feedbackExpectedDays: config.feedbackExpectedDays)
    }
}
