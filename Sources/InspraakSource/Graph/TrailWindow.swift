/// What a record's page shows of its trail: the nearest steps around the record, the first and
/// the last step, and for each run left out between them how many steps it holds and the
/// nearest of them, where the reader continues. A chain of N records would otherwise show N steps
/// on each of its N pages.
public struct TrailWindow: Sendable {
    public enum Step: Sendable {
        case record(Record)
        /// `hidden` steps left out; `nearest` is the one next to the steps shown.
        case gap(hidden: Int, nearest: Record)
    }

    /// Steps shown on each side of the record. Above the example site's longest trail, so
    /// short trails show in full.
    public static let radius = 10

    /// In date order, the record itself among them; empty when the record stands alone.
    public let steps: [Step]
    /// The whole trail's length, the record itself included.
    public let total: Int

    static let alone = TrailWindow(steps: [], total: 1)

    /// The window from what it needs of the trail: up to `radius + 1` nearest steps on each side
    /// (in date order), the number of steps on each side, and the first and last step.
    init(current: Record, before: [Record], after: [Record], countBefore: Int, countAfter: Int,
         first: Record, last: Record, radius: Int = radius) {
        total = countBefore + countAfter + 1
        guard total > 1 else {
            steps = []
            return
        }
        var steps: [Step] = []
        if countBefore <= radius + 1 {
            steps += before.map(Step.record)
        } else if countBefore == radius + 2 {
            // A gap of one step takes as much room as the step: show it.
            steps += [.record(first)] + before.map(Step.record)
        } else {
            steps += [.record(first), .gap(hidden: countBefore - radius - 1, nearest: before[0])]
            steps += before.dropFirst().map(Step.record)
        }
        steps.append(.record(current))
        if countAfter <= radius + 1 {
            steps += after.map(Step.record)
        } else if countAfter == radius + 2 {
            steps += after.map(Step.record) + [.record(last)]
        } else {
            steps += after.prefix(radius).map(Step.record)
            steps += [.gap(hidden: countAfter - radius - 1, nearest: after[radius]), .record(last)]
        }
        self.steps = steps
    }

    private init(steps: [Step], total: Int) {
        self.steps = steps
        self.total = total
    }

    /// The window cut from a whole trail (in date order) that holds `current`.
    init(cutting trail: [Record], around current: Record, radius: Int = radius) {
        guard let index = trail.firstIndex(where: { $0 === current }) else {
            self = .alone
            return
        }
        self.init(current: current,
                  before: Array(trail[max(0, index - radius - 1)..<index]),
                  after: Array(trail[(index + 1)..<min(trail.count, index + radius + 2)]),
                  countBefore: index, countAfter: trail.count - index - 1,
                  first: trail[0], last: trail[trail.count - 1], radius: radius)
    }

    /// The same window with the records in `replaced` (by id) swapped for their new versions:
    /// after an edit that leaves every trail as it was (`SiteGraph.updating`).
    package func replacing(_ replaced: [String: Record]) -> TrailWindow {
        guard steps.contains(where: { step in
            switch step {
            case .record(let record), .gap(_, let record): return replaced[record.id] != nil
            }
        }) else { return self }
        return TrailWindow(steps: steps.map { step in
            switch step {
            case .record(let record): return .record(replaced[record.id] ?? record)
            case .gap(let hidden, let nearest): return .gap(hidden: hidden, nearest: replaced[nearest.id] ?? nearest)
            }
        }, total: total)
    }
}
