/// Accountability figures: numbers in a list, outcomes in a table and an inline SVG chart.
extension PageBuilder {
    func figures(_ figures: Figures, id: String) -> TemplateValue {
        var rows: [(label: String, value: String, key: String?)] = [
            ("figures.meetings_held", String(figures.meetingsHeld), nil),
            ("figures.attendees", String(figures.attendees), nil),
            ("figures.advice_requested", String(figures.adviceRequested), nil),
            ("figures.advice_unsolicited", String(figures.adviceUnsolicited), nil),
        ]
        if figures.meetingsPlanned > 0 {
            rows.insert(("figures.meetings_planned", String(figures.meetingsPlanned), nil), at: 1)
        }
        rows.append(("figures.median_days", figures.medianDaysToResponse.map { strings.count("figures.median_days_value", $0) } ?? strings["figures.none"], nil))
        rows.append(("figures.in_time", figures.answeredInTimePercent.map {
            strings.format("figures.in_time_value", ["percent": String($0), "count": String(figures.answeredInTime), "total": String(figures.answeredInTimeOf)])
        } ?? strings["figures.none"], nil))
        rows.append(("figures.open_overdue", String(figures.overdue), "overdue"))
        rows.append(("figures.open_awaiting", String(figures.awaiting), "awaiting"))
        let total = figures.outcomeTotal
        let outcomes: [TemplateValue] = Outcome.allCases.map { outcome in
            let count = figures.outcomes[outcome] ?? 0
            return [
                "key": .text(outcome.rawValue),
                "label": .text(strings[outcome.stringKey]),
                "count": .number(count),
                "percent": .number(total == 0 ? 0 : Int((Double(count) * 100 / Double(total)).rounded())),
            ]
        }
        return [
            "id": .text(id),
            "rows": .list(rows.map { row in
                var view: View = ["label": .text(strings[row.label]), "value": .text(row.value)]
                if let key = row.key { view["key"] = .text(key) }
                return .object(view)
            }),
            "outcomes": .list(outcomes),
            "hasOutcomes": .bool(total > 0),
            "outcomeTotal": .number(total),
            "chartHTML": .text(total > 0 ? OutcomeChart.svg(figures, strings: strings, id: id) : ""),
        ]
    }
}

/// A small horizontal bar chart of outcomes, drawn as inline SVG: no script, prints in black
/// and white (every bar carries its label and number as text), and says in its title what it shows.
enum OutcomeChart {
    static func svg(_ figures: Figures, strings: Strings, id: String) -> String {
        let rowHeight = 30
        let labelWidth = 230
        let barWidth = 300
        let width = labelWidth + barWidth + 60
        let height = Outcome.allCases.count * rowHeight + 10
        let maximum = max(1, figures.outcomes.values.max() ?? 1)
        let summary = Outcome.allCases.map { "\(strings[$0.stringKey]) \(figures.outcomes[$0] ?? 0)" }.joined(separator: ", ")
        let title = strings.format("figures.chart_title", ["summary": summary])
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title\">"
        svg += "<title id=\"\(id)-title\">\(xml(title))</title>"
        for (index, outcome) in Outcome.allCases.enumerated() {
            let count = figures.outcomes[outcome] ?? 0
            let y = index * rowHeight + 5
            let length = count == 0 ? 0 : max(2, count * barWidth / maximum)
            svg += "<g class=\"bar bar-\(outcome.rawValue)\">"
            svg += "<text x=\"0\" y=\"\(y + 19)\" class=\"label\">\(xml(strings[outcome.stringKey]))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 10)\" rx=\"2\"/>"
            svg += "<text x=\"\(labelWidth + length + 8)\" y=\"\(y + 19)\" class=\"value\">\(count)</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    static func xml(_ text: String) -> String { XMLText.escape(text) }
}
