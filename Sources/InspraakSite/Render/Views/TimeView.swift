import InspraakTemplates
import InspraakSource
/// A date or moment as `<time>` shows it: `{{date.iso}}` for `datetime`, `{{date.text}}` to read.
final class TimeView: TemplateView {
    let iso: String
    let text: String

    init(_ moment: Moment, strings: Strings) {
        iso = Strings.machine(moment)
        text = strings.moment(moment)
    }

    init(_ day: Day, strings: Strings) {
        iso = day.iso
        text = strings.longDate(day)
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case iso, text }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .iso: return .text(iso)
        case .text: return .text(text)
        }
    }
}
