/// Parsed templates by name, ready to render pages. Which templates a theme has, and the
/// messages for one that does not parse, are the site's business (`TemplateSet.compile`).
package struct TemplateSet: Sendable {
    package let templates: [String: [TemplateNode]]
    /// The same templates, frozen for rendering.
    private let program: TemplateProgram

    package init(templates: [String: [TemplateNode]]) {
        self.templates = templates
        program = TemplateProgram(templates)
    }

    /// The page as UTF-8, or nil when the theme has no such template.
    package func render(_ view: TemplateValue, template: String) -> [UInt8]? {
        var page: [UInt8] = []
        return render(view, template: template, into: &page) ? page : nil
    }

    /// The page into `page` (emptied first, its capacity kept for the next one); false when
    /// the theme has no such template. With `spill`, a long page is handed to it in pieces
    /// as it is made (each then emptied from `page`); `page` ends with the rest.
    /// With `fragments`, sections whose values give a key are drawn once per key (see
    /// `FragmentCache`), for all the pages that share it.
    package func render(_ view: TemplateValue, template: String, into page: inout [UInt8],
                        spill: ((inout [UInt8]) -> Void)? = nil, fragments: FragmentCache? = nil) -> Bool {
        page.removeAll(keepingCapacity: true)
        guard let nodes = program.templates[template] else { return false }
        var renderer = TemplateRenderer(program: program, root: view, page: page, spill: spill, fragments: fragments)
        page = []   // the renderer holds the only reference, so appending does not copy
        renderer.render(nodes)
        page = renderer.finish()
        return true
    }
}
