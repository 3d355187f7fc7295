/// Walks a frozen template over a view and appends UTF-8 to one buffer: no intermediate
/// strings per tag, escaping byte by byte. One renderer per page; nothing is shared but the
/// read-only program.
struct TemplateRenderer {
    typealias Node = TemplateProgram.Node
    typealias Body = TemplateProgram.Body

    let program: TemplateProgram
    /// What is rendered and not yet handed on; `spilled` holds what was handed to `spill`
    /// (and is the page's buffer, its capacity reused).
    private(set) var output = PageBytes()
    private var spilled: [UInt8]
    private var stack: [TemplateValue]
    private var position: SequencePosition?
    private var overrides: [String: Body] = [:]
    private var indentation: [UInt8] = []
    private var pendingIndentation = false
    private var escaping = true
    /// Hands on what is written so far and empties `output` (capacity kept), once it holds
    /// `spillSize` bytes: a page that lists thousands of records goes to its file in pieces
    /// instead of growing (and copying) one buffer of megabytes.
    private let spill: ((inout [UInt8]) -> Void)?
    static let spillSize = 1 << 18
    private var spills = 0
    /// Sections drawn before, on this page or others (nil: every section is drawn).
    private let fragments: FragmentCache?
    /// The sections being drawn for `fragments`, innermost last: where each one's values begin
    /// on the stack, and whether a lookup inside it reached below that.
    private var watched: [(floor: Int, escaped: Bool)] = []

    /// Renders after what `page` already holds (its capacity is reused).
    init(program: TemplateProgram, root: TemplateValue, page: [UInt8] = [], spill: ((inout [UInt8]) -> Void)? = nil,
         fragments: FragmentCache? = nil) {
        self.program = program
        self.stack = [root]
        self.spilled = page
        self.spill = spill
        self.fragments = fragments
    }

    /// The page: what was handed to `spill` and not taken, then the rest. The renderer is
    /// done with after this.
    mutating func finish() -> [UInt8] {
        output.move(to: &spilled)
        output.free()
        return spilled
    }

    mutating func render(_ nodes: Body) {
        let savedEscaping = escaping
        for index in nodes.indices { render(nodes[index]) }
        escaping = savedEscaping
    }

    private mutating func render(_ node: Node) {
        switch node {
        case .text(let bytes, let endsLine):
            write(bytes)
            if endsLine, !indentation.isEmpty { pendingIndentation = true }
        case .variable(let name, let escaped):
            guard let value = resolve(name) else { return }
            switch consume value {
            case .text(let text): write(text, escaped: escaped && escaping)
            case .number(let number): write(String(number), escaped: false)
            case .bool(let flag): write(flag ? "true" : "false", escaped: false)
            case .list, .object, .viewObject: break // nothing a reader could use
            }
        case .section(let name, let body, let inverted):
            var foundAt = -1
            let value = resolve(name, foundAt: &foundAt)
            if inverted {
                renderInverted(value, body)
            } else if let fragments, foundAt == 0, let value, let fragment = pageFragmentKey(of: name, value: value) {
                renderRemembered(value, body, fragment: fragment, in: fragments)
            } else {
                renderSection(value, body)
            }
        case .partial(let partial):
            var target = partial.pointee.target
            if let lookup = partial.pointee.dynamicName {
                guard case .text(let resolved)? = resolve(lookup) else { return }
                target = program.templates[resolved]
            }
            guard let target else { return }
            renderPartial(target, indent: partial.pointee.indentation, inherited: partial.pointee.overrides)
        case .block(let block):
            // What a block draws comes from the template that extends this one.
            for index in watched.indices { watched[index].escaped = true }
            let savedPosition = position
            position = nil
            render(overrides.isEmpty ? block.pointee.defaults : overrides[block.pointee.name] ?? block.pointee.defaults)
            position = savedPosition
        case .escaping(let flag):
            escaping = flag
        }
    }

    private mutating func renderSection(_ value: TemplateValue?, _ body: Body) {
        switch value {
        case nil, .bool(false)?:
            return
        case .bool(true)?:
            render(body)
        case .list(let items)?:
            let savedPosition = position
            items.withUnsafeBufferPointer { items in
                for index in items.indices {
                    stack.append(items[index])
                    position = SequencePosition(index: index, isLast: index == items.count - 1)
                    render(body)
                    stack.removeLast()
                }
            }
            position = savedPosition
        case let value?:
            let savedPosition = position
            stack.append(value)
            position = nil
            render(body)
            stack.removeLast()
            position = savedPosition
        }
    }

    /// The key a section's value gave, when its bytes may be kept: a list or a view found by a
    /// plain name in a view, with no partial's indentation to carry in. Only the page's own
    /// view (the stack's root) is asked: the frame's values are the ones many pages share.
    private func pageFragmentKey(of name: TemplateProgram.Name, value: TemplateValue) -> String? {
        guard name.root == .anywhere, name.path.count == 1, name.transforms.isEmpty,
              indentation.isEmpty, !pendingIndentation, case .viewObject(let view) = stack[0] else { return nil }
        switch value {
        case .list, .viewObject, .object: return view.fragmentKey(for: name.path[0])
        case .text, .bool, .number: return nil
        }
    }

    /// `renderSection`, or the bytes it drew before for the same key.
    private mutating func renderRemembered(_ value: TemplateValue, _ body: Body, fragment: String, in fragments: FragmentCache) {
        let key = FragmentCache.Key(node: Int(bitPattern: body.baseAddress), fragment: fragment, escaping: escaping)
        if let bytes = fragments.bytes(key) {
            bytes.withUnsafeBufferPointer { write($0) }
            return
        }
        let start = output.count
        let spillsBefore = spills
        watched.append((floor: stack.count, escaped: false))
        renderSection(value, body)
        let escaped = watched.removeLast().escaped
        guard !escaped, spills == spillsBefore else { return }
        fragments.keep(Array(UnsafeBufferPointer(start: output.start + start, count: output.count - start)), for: key)
    }

    /// A lookup reached the stack at `index` (-1: it climbed past the root): the sections being
    /// watched whose values begin above it depend on more than their value.
    private mutating func reached(_ index: Int) {
        var position = watched.count - 1
        while position >= 0, watched[position].floor > index {
            watched[position].escaped = true
            position -= 1
        }
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ body: Body) {
        switch value {
        case nil, .bool(false)?:
            render(body)
        case .list(let items)? where items.isEmpty:
            renderSection(.bool(true), body)
        default:
            return
        }
    }

    private mutating func renderPartial(_ nodes: Body, indent: UnsafeBufferPointer<UInt8>, inherited: [String: Body]?) {
        let (savedPosition, savedEscaping) = (position, escaping)
        position = nil
        escaping = true
        // Only what this partial changes is saved and put back (copying the overrides and
        // the indentation for every partial counted their references each time).
        var savedOverrides: [String: Body]?
        if let inherited {
            savedOverrides = overrides
            // The outermost override of a block wins (Mustache inheritance).
            overrides = inherited.merging(overrides) { _, outer in outer }
        }
        let savedIndentation = indentation.count
        if !indent.isEmpty {
            indentation.append(contentsOf: indent)
            pendingIndentation = true
        }
        render(nodes)
        (position, escaping) = (savedPosition, savedEscaping)
        if let savedOverrides { overrides = savedOverrides }
        indentation.removeSubrange(savedIndentation...)
        pendingIndentation = !indentation.isEmpty && output.last == 10
    }

    /// The value a name stands for: the first enclosing element that has its first part, then
    /// the rest of the parts from there; then the transforms.
    private mutating func resolve(_ name: TemplateProgram.Name) -> TemplateValue? {
        var foundAt = -1
        return resolve(name, foundAt: &foundAt)
    }

    /// `foundAt`: where on the stack a plain name was found (-1 when it was not, or is not plain).
    private mutating func resolve(_ name: TemplateProgram.Name, foundAt: inout Int) -> TemplateValue? {
        var value: TemplateValue?
        switch name.root {
        case .current:
            value = stack.last
        case .position:
            guard let position, let transform = name.transforms.first else { return nil }
            value = transform.apply(to: position)
            return name.transforms.dropFirst().reduce(value) { value, transform in value.flatMap(transform.apply) }
        case .currentOnly:
            value = Self.lookUp(name.path, in: stack[stack.count - 1])
        case .anywhere:
            // The first part is copied out once, and the elements are asked in place: a copy
            // of either, at each level climbed, cost a retain and a release.
            let path = name.path
            let key = path[0]
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index].field(key) {
                    value = path.count == 1 ? found : Self.lookUp(UnsafeBufferPointer(rebasing: path[1...]), in: found)
                    break
                }
                index -= 1
            }
            foundAt = index
            if !watched.isEmpty { reached(index) }
        }
        for transform in name.transforms {
            guard let current = value else { return nil }
            value = transform.apply(to: current)
        }
        return value
    }

    private static func lookUp(_ path: UnsafeBufferPointer<TemplateKey>, in value: TemplateValue) -> TemplateValue? {
        guard !path.isEmpty else { return value }
        guard var current = value.field(path[0]) else { return nil }
        for index in path.indices.dropFirst() {
            guard let next = current.field(path[index]) else { return nil }
            current = next
        }
        return current
    }

    // MARK: Output

    private mutating func indentIfPending() {
        if pendingIndentation {
            pendingIndentation = false
            output.append(indentation)
        }
    }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        indentIfPending()
        output.append(bytes)
        if output.count >= Self.spillSize { spillOutput() }
    }

    /// Takes the text (the value it came in is not used again), so `withUTF8` needs no copy
    /// of it, which retained its storage.
    private mutating func write(_ text: consuming String, escaped: Bool) {
        guard !text.isEmpty else { return }
        indentIfPending()
        text.withUTF8 { bytes in
            guard escaped else { output.append(bytes); return }
            HTMLEscaping.append(bytes, to: &output)
        }
        if output.count >= Self.spillSize { spillOutput() }
    }

    /// All but the last byte: whether a partial's indentation is due reads it (`output.last`).
    private mutating func spillOutput() {
        guard let spill else { return }
        output.move(to: &spilled, keeping: 1)
        spill(&spilled)
        spills += 1
    }
}

/// `& < > " '` as entities, the rest as it is: what `{{name}}` writes.
enum HTMLEscaping {
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout PageBytes) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time past those that need no entity (most of a text).
            if index + 8 <= bytes.count, !mayNeedEntity(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let entity: StaticString
            switch bytes[index] {
            case 38: entity = "&amp;"
            case 60: entity = "&lt;"
            case 62: entity = "&gt;"
            case 34: entity = "&quot;"
            case 39: entity = "&#39;"
            default:
                index += 1
                continue
            }
            if index > runStart { output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            output.append(entity)
            index += 1
            runStart = index
        }
        if runStart < bytes.count { output.append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// Whether any of eight bytes is `&`, `<`, `>`, `"` or `'`: each tested as a zero byte of the
    /// word XORed with it, which never misses; a rare false match (a borrow from a byte that does
    /// match) only costs a byte-wise look.
    @inline(__always)
    static func mayNeedEntity(_ word: UInt64) -> Bool {
        func has(_ byte: UInt64) -> UInt64 {
            let v = word ^ (byte &* 0x0101_0101_0101_0101)
            return (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
        }
        return has(38) | has(60) | has(62) | has(34) | has(39) != 0
    }
}
