@testable import InspraakTemplates

/// A hand-made view for template tests: names and values as a dictionary (the site's own views
/// are typed, `Render/Views`).
typealias View = [String: TemplateValue]

extension TemplateSet {
    func render(_ view: View, template: String) -> [UInt8]? {
        render(.object(view), template: template)
    }
}
