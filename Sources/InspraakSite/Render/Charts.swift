import InspraakTemplates
import InspraakSource
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
