import InspraakSource
extension DependencyMap {
    /// What `build --explain` prints for one output, in plain lines (nil for a path that is
    /// not an output).
    public func explanation(of path: String) -> String? {
        guard let output = inputs(of: path) else { return nil }
        if output.inputs.isEmpty { return RenderMessage.Explain.nothing(path) }
        var lines = [RenderMessage.Explain.heading(path)]
        func named(_ input: OutputInput, _ name: String) -> String {
            sources[input].map { "\(name) (\($0))" } ?? name
        }
        func list(_ heading: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append("  " + heading)
            lines += items.map { "    " + $0 }
        }
        let records = output.records
        let sorted = output.inputs.sorted()
        list(RenderMessage.Explain.shows(records.count), records.map { named(.record($0), $0) })
        list(RenderMessage.Explain.texts, sorted.compactMap { if case .text(let id) = $0 { named(.record(id), id) } else { nil } })
        let counted = output.counted
        if !counted.isEmpty {
            lines.append("  " + RenderMessage.Explain.counts(counted.count, of: recordCount))
        }
        let dated = output.dated
        if !dated.isEmpty {
            lines.append("  " + RenderMessage.Explain.places(dated.count, of: recordCount))
        }
        list(RenderMessage.Explain.themes, sorted.compactMap { if case .theme(let slug) = $0 { named($0, slug) } else { nil } })
        list(RenderMessage.Explain.places, sorted.compactMap { if case .place(let slug) = $0 { named($0, slug) } else { nil } })
        list(RenderMessage.Explain.councils, sorted.compactMap { if case .council(let slug) = $0 { named($0, slug) } else { nil } })
        let sections = sorted.compactMap { input -> String? in
            guard case .config(let section) = input else { return nil }
            return section == .topLevel ? RenderMessage.Explain.topLevel : RenderMessage.Explain.section(section.rawValue)
        }
        if !sections.isEmpty { lines.append("  " + RenderMessage.Explain.settings + " " + sections.joined(separator: ", ")) }
        list(RenderMessage.Explain.templates, templateOrder(output).map { named(.template($0), $0) })
        if output.inputs.contains(.strings) { lines.append("  " + RenderMessage.Explain.strings(sources[.strings] ?? "")) }
        list(RenderMessage.Explain.assets, sorted.compactMap { if case .asset(let name) = $0 { named($0, name) } else { nil } })
        list(RenderMessage.Explain.files, sorted.compactMap { if case .file(let file) = $0 { file } else { nil } })
        lines.append("  " + (output.dependsOnToday ? RenderMessage.Explain.today : RenderMessage.Explain.notToday))
        return lines.joined(separator: "\n")
    }

    /// What to say about a path that is not an output: so, and the nearest one that is.
    public func unknownOutput(_ written: String) -> String {
        let hint = closest(to: written).map { "; " + Message.didYouMean(nearest: $0) } ?? ""
        return RenderMessage.Explain.unknown(written) + hint
    }

    /// The page's own template first (`pageTemplates`), then its partials by name.
    private func templateOrder(_ output: OutputInputs) -> [String] {
        let names = output.inputs.compactMap { if case .template(let name) = $0 { name } else { nil } }.sorted()
        guard let own = pageTemplates[output.path] else { return names }
        return [own] + names.filter { $0 != own }
    }
}
