import InspraakTemplates
import InspraakSource
/// Accountability figures (`figures` partial): numbers in a list, outcomes and how far adopted
/// items were carried out in tables and inline SVG charts.
struct FiguresView: TemplateView {
    let figures: Figures
    /// The charts' element id (`cijfers-site`, `cijfers-<theme>`).
    let id: String
    let strings: Strings
    /// A council's figures: its advice only, so no meeting rows, and the advice given in all.
    var adviceOnly = false

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable {
        case id, rows, outcomes, hasOutcomes, outcomeTotal, chartHTML
        case hasCarriedOut, carriedOutTotal, carriedOut, carriedOutChartHTML
    }

    func value(_ key: Key) -> TemplateValue? {
        let total = figures.outcomeTotal
        switch key {
        case .id: return .text(id)
        case .rows: return .views(rows())
        case .outcomes:
            return .views(Outcome.allCases.map { outcome in
                let count = figures.outcomes[outcome] ?? 0
                return ChartBar(key: outcome.rawValue, label: strings[outcome.stringKey], count: count, total: total)
            })
        case .hasOutcomes: return .bool(total > 0)
        case .outcomeTotal: return .number(total)
        case .chartHTML: return .text(total > 0 ? OutcomeChart.svg(figures, strings: strings, id: id) : "")
        case .hasCarriedOut: return .bool(figures.adoptedTotal > 0)
        case .carriedOutTotal: return .number(figures.adoptedTotal)
        case .carriedOut:
            return .views(CarriedOutChart.bars(figures, strings: strings).map {
                ChartBar(key: $0.key, label: $0.label, count: $0.count, total: figures.adoptedTotal)
            })
        case .carriedOutChartHTML:
            return .text(figures.adoptedTotal > 0 ? CarriedOutChart.svg(figures, strings: strings, id: id + "-uitvoering") : "")
        }
    }

    private func rows() -> [FigureRow] {
        var rows: [FigureRow] = [
            FigureRow(label: strings["figures.meetings_held"], value: String(figures.meetingsHeld)),
            FigureRow(label: strings["figures.attendees"], value: String(figures.attendees)),
            FigureRow(label: strings["figures.advice_requested"], value: String(figures.adviceRequested)),
            FigureRow(label: strings["figures.advice_unsolicited"], value: String(figures.adviceUnsolicited)),
        ]
        if adviceOnly {
            rows[0...1] = [FigureRow(label: strings["figures.advice_given"], value: String(figures.adviceRequested + figures.adviceUnsolicited))]
        } else if figures.meetingsPlanned > 0 {
            rows.insert(FigureRow(label: strings["figures.meetings_planned"], value: String(figures.meetingsPlanned)), at: 1)
        }
        rows.append(FigureRow(label: strings["figures.median_days"],
                              value: figures.medianDaysToResponse.map { strings.count("figures.median_days_value", $0) } ?? strings["figures.none"]))
        rows.append(FigureRow(label: strings["figures.in_time"], value: figures.answeredInTimePercent.map {
            strings.format("figures.in_time_value", ["percent": String($0), "count": String(figures.answeredInTime), "total": String(figures.answeredInTimeOf)])
        } ?? strings["figures.none"]))
        rows.append(FigureRow(label: strings["figures.open_overdue"], value: String(figures.overdue), key: "overdue"))
        rows.append(FigureRow(label: strings["figures.open_awaiting"], value: String(figures.awaiting), key: "awaiting"))
        if figures.implementationOverdue > 0 {
            rows.append(FigureRow(label: strings["figures.implementation_overdue"], value: String(figures.implementationOverdue), key: "implementation-overdue"))
        }
        return rows
    }
}

/// One number of the figures, with a key for its colour when it has one.
struct FigureRow: TemplateView {
    let label: String
    let value: String
    var key: String?

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case label, value, key }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .label: return .text(label)
        case .value: return .text(value)
        case .key: return self.key.map(TemplateValue.text)
        }
    }
}

/// One row of an outcome or carried-out table: its count and share of the total.
struct ChartBar: TemplateView {
    let key: String
    let label: String
    let count: Int
    let total: Int

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case key, label, count, percent }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .key: return .text(self.key)
        case .label: return .text(label)
        case .count: return .number(count)
        case .percent: return .number(total == 0 ? 0 : Int((Double(count) * 100 / Double(total)).rounded()))
        }
    }
}
