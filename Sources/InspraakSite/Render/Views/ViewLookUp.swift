import InspraakTemplates

extension TemplateView {
    /// What each view's `value(for:)` forwards to, written in the view itself
    /// (`func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }`). A default
    /// `value(for:)` in the template module is the witness of every view unspecialised: each
    /// lookup then fetches `KeyIndex<Key>`'s metadata at run time and copies its tables. Here,
    /// in the views' own module, it is compiled for each view's type.
    @inline(__always)
    func lookUp(_ name: TemplateKey) -> TemplateValue? {
        guard let position = Self.keyIndex.table.position(of: name) else { return nil }
        return value(Self.keyIndex.keys[position])
    }
}
