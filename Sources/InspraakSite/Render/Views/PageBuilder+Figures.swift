import InspraakSource
import InspraakTemplates

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
        if figures.implementationOverdue > 0 {
            rows.append(("figures.implementation_overdue", String(figures.implementationOverdue), "implementation-overdue"))
        }
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
            "hasCarriedOut": .bool(figures.adoptedTotal > 0),
            "carriedOutTotal": .number(figures.adoptedTotal),
            "carriedOut": .list(CarriedOutChart.bars(figures, strings: strings).map { bar in
                [
                    "key": .text(bar.key), "label": .text(bar.label), "count": .number(bar.count),
                    "percent": .number(figures.adoptedTotal == 0 ? 0 : Int((Double(bar.count) * 100 / Double(figures.adoptedTotal)).rounded())),
                ]
            }),
            "carriedOutChartHTML": .text(figures.adoptedTotal > 0 ? CarriedOutChart.svg(figures, strings: strings, id: id + "-uitvoering") : ""),
        ]
    }
}

/// A small horizontal bar chart of outcomes, drawn as inline SVG: no script, prints in black
/// and white (every bar carries its label and number as text), and says in its title what it shows.
enum OutcomeChart {
    static func svg(_ figures: Figures, strings: Strings, id: String) -> String {
        let bars = Outcome.allCases.map { (key: $0.rawValue, label: strings[$0.stringKey], count: figures.outcomes[$0] ?? 0) }
        let summary = bars.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
        return BarChart.svg(bars, title: strings.format("figures.chart_title", ["summary": summary]), id: id)
    }

    static func xml(_ text: String) -> String { XMLText.escape(text) }
}

/// The same kind of chart for "carried out": of the (partly) adopted items, how many are done,
/// underway, planned, or not reported.
enum CarriedOutChart {
    static func bars(_ figures: Figures, strings: Strings) -> [(key: String, label: String, count: Int)] {
        Implementation.allCases.reversed().map { (key: "implementation-\($0.rawValue)", label: strings[$0.stringKey], count: figures.carriedOut[$0] ?? 0) }
            + [(key: "implementation-none", label: strings["implementation.not_reported"], count: figures.carriedOutNotReported)]
    }

    static func svg(_ figures: Figures, strings: Strings, id: String) -> String {
        let bars = bars(figures, strings: strings)
        let summary = bars.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
        return BarChart.svg(bars, title: strings.format("figures.carried_out_chart_title", ["summary": summary]), id: id)
    }
}

/// A small horizontal bar chart drawn as inline SVG: no script, prints in black and white (every
/// bar carries its label and number as text), and says in its title what it shows.
enum BarChart {
    static func svg(_ bars: [(key: String, label: String, count: Int)], title: String, id: String) -> String {
        let rowHeight = 30
        let labelWidth = 230
        let barWidth = 300
        let width = labelWidth + barWidth + 60
        let height = bars.count * rowHeight + 10
        let maximum = max(1, bars.map(\.count).max() ?? 1)
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title\">"
        svg += "<title id=\"\(id)-title\">\(XMLText.escape(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight + 5
            let length = bar.count == 0 ? 0 : max(2, bar.count * barWidth / maximum)
            svg += "<g class=\"bar bar-\(bar.key)\">"
            svg += "<text x=\"0\" y=\"\(y + 19)\" class=\"label\">\(XMLText.escape(bar.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 10)\" rx=\"2\"/>"
            svg += "<text x=\"\(labelWidth + length + 8)\" y=\"\(y + 19)\" class=\"value\">\(bar.count)</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }
}
