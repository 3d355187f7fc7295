/// The accountability figures for a set of records (the whole site, or one theme).
public struct Figures: Sendable, Hashable {
    public var meetingsHeld = 0
    public var meetingsPlanned = 0
    public var attendees = 0
    public var adviceRequested = 0
    public var adviceUnsolicited = 0
    /// One outcome per item: its latest.
    public var outcomes: [Outcome: Int] = [:]
    /// Days from an advice to its first response, middle value; nil without answered advice.
    public var medianDaysToResponse: Int?
    /// Advice answered on or before the due day, of the advice that is answered or overdue.
    public var answeredInTime = 0
    public var answeredInTimeOf = 0
    public var awaiting = 0
    public var overdue = 0
    /// Of the (partly) adopted items: how far carrying them out has come (latest report).
    public var carriedOut: [Implementation: Int] = [:]
    /// (Partly) adopted items without any implementation report.
    public var carriedOutNotReported = 0
    public var implementationOverdue = 0

    public var adoptedTotal: Int { carriedOut.values.reduce(0, +) + carriedOutNotReported }

    public var outcomeTotal: Int { outcomes.values.reduce(0, +) }

    /// Percentage, rounded; nil when there is nothing to judge yet.
    public var answeredInTimePercent: Int? {
        answeredInTimeOf == 0 ? nil : Int((Double(answeredInTime) * 100 / Double(answeredInTimeOf)).rounded())
    }
}

extension SiteGraph {
    /// Figures over `records` (all of the site's, or a theme's).
    public func figures(for records: [Record]) -> Figures {
        var figures = Figures()
        var responseDays: [Int] = []
        let ids = Set(records.map(\.id))
        for record in records {
            switch record.details {
            case .meeting(let meeting):
                if meeting.cancelled { break }
                if record.date.day > today {
                    figures.meetingsPlanned += 1
                } else {
                    figures.meetingsHeld += 1
                    figures.attendees += meeting.attendees ?? 0
                }
            case .advice(let advice):
                if advice.kind == .requested { figures.adviceRequested += 1 } else { figures.adviceUnsolicited += 1 }
                let firstResponse = Statuses.keys(of: record).compactMap { histories[$0]?.answers.first?.date }.min()
                if let firstResponse {
                    let days = record.date.day.days(until: firstResponse.day)
                    responseDays.append(days)
                    figures.answeredInTimeOf += 1
                    if firstResponse.day <= advice.responseDue { figures.answeredInTime += 1 }
                } else if today > advice.responseDue {
                    figures.answeredInTimeOf += 1
                }
            case .feedback:
                break
            }
            for key in Statuses.keys(of: record) {
                if case .answered(let answer) = statuses.items[key] {
                    figures.outcomes[answer.outcome, default: 0] += 1
                    if answer.outcome.canBeImplemented {
                        if let step = histories[key]?.implementationStep, let state = step.implementation {
                            figures.carriedOut[state, default: 0] += 1
                        } else {
                            figures.carriedOutNotReported += 1
                        }
                    }
                }
            }
        }
        for item in statuses.open where ids.contains(item.key.record) {
            if item.isOverdue { figures.overdue += 1 } else { figures.awaiting += 1 }
        }
        figures.implementationOverdue = statuses.implementationOverdue.filter { ids.contains($0.key.record) }.count
        figures.medianDaysToResponse = Self.median(responseDays)
        return figures
    }

    /// The middle value (the lower of the two middles for an even count, so it stays a whole day).
    static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Open items belonging to `records`.
    public func openItems(for records: [Record]) -> [OpenItem] {
        let ids = Set(records.map(\.id))
        return statuses.open.filter { ids.contains($0.key.record) }
    }
}
