/// Walks a parsed template over a view and appends UTF-8 to one buffer: no intermediate
/// strings per tag, escaping byte by byte. One renderer per page; nothing is shared but the
/// read-only templates.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]
    var output: [UInt8]
    private var stack: [TemplateValue]
    private var position: SequencePosition?
    private var overrides: [String: [TemplateNode]] = [:]
    private var indentation: [UInt8] = []
    private var pendingIndentation = false
    private var escaping = true
    /// Hands on what is written so far and empties `output` (capacity kept), once it holds
    /// `spillSize` bytes: a page that lists thousands of records goes to its file in pieces
    /// instead of growing (and copying) one buffer of megabytes.
    private let spill: ((inout [UInt8]) -> Void)?
    static let spillSize = 1 << 18

    /// Renders after what `output` already holds (its capacity is reused).
    init(templates: [String: [TemplateNode]], root: TemplateValue, output: [UInt8] = [], spill: ((inout [UInt8]) -> Void)? = nil) {
        self.templates = templates
        self.stack = [root]
        self.output = output
        self.spill = spill
    }

    mutating func render(_ nodes: [TemplateNode]) {
        let savedEscaping = escaping
        // By index into the buffer: each node is read in place, not copied out (and retained).
        nodes.withUnsafeBufferPointer { nodes in
            for index in nodes.indices { render(nodes[index]) }
        }
        escaping = savedEscaping
    }

    private mutating func render(_ node: TemplateNode) {
        switch node {
        case .text(let bytes, let endsLine):
            write(bytes)
            if endsLine, !indentation.isEmpty { pendingIndentation = true }
        case .variable(let name, let escaped):
            guard let value = resolve(name) else { return }
            switch value {
            case .text(let text): write(text, escaped: escaped && escaping)
            case .number(let number): write(String(number), escaped: false)
            case .bool(let flag): write(flag ? "true" : "false", escaped: false)
            case .list, .object, .viewObject: break // nothing a reader could use
            }
        case .section(let name, let body, let inverted):
            let value = resolve(name)
            inverted ? renderInverted(value, body) : renderSection(value, body)
        case .partial(let name, let dynamic, let indent, let inherited):
            var target = name
            if dynamic {
                guard case .text(let resolved)? = resolve(TemplateName(root: .anywhere, path: name.split(separator: ".").map { TemplateKey(String($0)) }, transforms: [], source: name))
                else { return }
                target = resolved
            }
            guard let nodes = templates[target] else { return }
            renderPartial(nodes, indent: indent, inherited: inherited)
        case .block(let name, let defaults):
            let savedPosition = position
            position = nil
            render(overrides[name] ?? defaults)
            position = savedPosition
        case .escaping(let flag):
            escaping = flag
        }
    }

    private mutating func renderSection(_ value: TemplateValue?, _ body: [TemplateNode]) {
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

    private mutating func renderInverted(_ value: TemplateValue?, _ body: [TemplateNode]) {
        switch value {
        case nil, .bool(false)?:
            render(body)
        case .list(let items)? where items.isEmpty:
            renderSection(.bool(true), body)
        default:
            return
        }
    }

    private mutating func renderPartial(_ nodes: [TemplateNode], indent: [UInt8], inherited: [String: [TemplateNode]]?) {
        let saved = (position, overrides, indentation, escaping)
        position = nil
        escaping = true
        if let inherited {
            // The outermost override of a block wins (Mustache inheritance).
            overrides = inherited.merging(overrides) { _, outer in outer }
        }
        if !indent.isEmpty {
            indentation += indent
            pendingIndentation = true
        }
        render(nodes)
        (position, overrides, indentation, escaping) = saved
        pendingIndentation = !indentation.isEmpty && output.last == 10
    }

    /// The value a name stands for: the first enclosing element that has its first part, then
    /// the rest of the parts from there; then the transforms.
    private func resolve(_ name: TemplateName) -> TemplateValue? {
        var value: TemplateValue?
        switch name.root {
        case .current:
            value = stack.last
        case .position:
            guard let position, let transform = name.transforms.first else { return nil }
            value = transform.apply(to: position)
            return name.transforms.dropFirst().reduce(value) { value, transform in value.flatMap(transform.apply) }
        case .currentOnly:
            value = name.path.withUnsafeBufferPointer { path in Self.lookUp(path, in: stack[stack.count - 1]) }
        case .anywhere:
            // The elements are asked in place (a copy of each, climbing, cost a retain and a
            // release of what it holds: a million of them at 1,000 records).
            value = stack.withUnsafeBufferPointer { stack in
                name.path.withUnsafeBufferPointer { path in
                    var index = stack.count - 1
                    while index >= 0 {
                        if let found = stack[index].field(path[0]) {
                            return path.count == 1 ? found : Self.lookUp(UnsafeBufferPointer(rebasing: path[1...]), in: found)
                        }
                        index -= 1
                    }
                    return nil
                }
            }
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
            output.append(contentsOf: indentation)
        }
    }

    private mutating func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        indentIfPending()
        output.append(contentsOf: bytes)
        if output.count >= Self.spillSize { spillOutput() }
    }

    private mutating func write(_ text: String, escaped: Bool) {
        guard !text.isEmpty else { return }
        indentIfPending()
        var text = text
        text.withUTF8 { bytes in
            guard escaped else { output.append(contentsOf: bytes); return }
            HTMLEscaping.append(bytes, to: &output)
        }
        if output.count >= Self.spillSize { spillOutput() }
    }

    /// All but the last byte: whether a partial's indentation is due reads it (`output.last`).
    private mutating func spillOutput() {
        guard let spill else { return }
        let last = output.removeLast()
        spill(&output)
        output.append(last)
    }
}

/// `& < > " '` as entities, the rest as it is: what `{{name}}` writes.
enum HTMLEscaping {
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte <= 62 else { continue }
            let entity: StaticString
            switch byte {
            case 38: entity = "&amp;"
            case 60: entity = "&lt;"
            case 62: entity = "&gt;"
            case 34: entity = "&quot;"
            case 39: entity = "&#39;"
            default: continue
            }
            if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = index + 1
        }
        if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }
}
