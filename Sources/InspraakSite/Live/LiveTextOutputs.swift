import Foundation
import InspraakSource
import InspraakTemplates

extension LiveOutputs {
    /// What an edit to record texts only (`LiveChanges.textInputs`) makes again, without
    /// planning the whole site: the outputs `map` says are made from those inputs, when they are
    /// the records' own pages (their only outputs made from a text) and copied files. Nil when
    /// another output is reached (a first paragraph that stands in for a summary is on cards):
    /// the whole plan is needed then.
    static func texts(_ records: [Record], dirty: Set<OutputInput>, map: DependencyMap, context: RenderContext, templates: TemplateSet,
                      source: URL) -> [(path: String, output: LiveOutput)]? {
        let graph = context.graph
        var pages: [String: Int] = [:]
        for record in records {
            guard let index = graph.position[record.id] else { return nil }
            pages[SitePaths.file(for: SitePaths.record(record))] = index
        }
        var copies: [(path: String, file: String)] = []
        var toRender: [(path: String, index: Int)] = []
        var reached = Set<String>()
        for input in dirty {
            guard let outputs = map.outputs(madeFrom: input) else { return nil }
            reached.formUnion(outputs)
        }
        for path in reached.sorted(by: { $0.precedesInUTF8($1) }) {
            guard let output = map.inputs(of: path) else { return nil }
            if let index = pages[path] {
                toRender.append((path, index))
            } else if map.pageTemplates[path] == nil, output.inputs.count == 1, case .file(let file)? = output.inputs.first {
                copies.append((path, file))
            } else {
                return nil
            }
        }
        let rendered = toRender.parallelMap(state: { [UInt8]() }) { buffer, page -> [UInt8] in
            _ = templates.render(PagePlan.recordView(context, index: page.index), template: "record", into: &buffer)
            return buffer
        }
        return zip(toRender, rendered).map { ($0.path, LiveOutput(bytes: $1)) }
            + copies.map { ($0.path, LiveOutput(file: source.appendingPathComponent($0.file))) }
    }
}
