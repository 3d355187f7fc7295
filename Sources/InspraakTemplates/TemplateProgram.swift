/// A set's templates as the renderer walks them. Every node is a plain value: its texts, names
/// and bodies are pointers into memory the program owns (and frees with itself), and a partial
/// points at the template it includes. With the parsed nodes, which hold arrays and strings,
/// each step of a walk retained and released what the node held, and looked partials up by
/// name: on two cores, counting references was a third of a build's processor time.
final class TemplateProgram: @unchecked Sendable {  // never changed after `init`
    typealias Body = UnsafeBufferPointer<Node>

    enum Node {
        /// Literal text; `endsLine` when it ends with the line's newline.
        case text(UnsafeBufferPointer<UInt8>, endsLine: Bool)
        case variable(Name, escaped: Bool)
        case section(Name, Body, inverted: Bool)
        case partial(UnsafePointer<Partial>)
        case block(UnsafePointer<Block>)
        case escaping(Bool)
    }

    /// `TemplateName`, its parts in the program's memory.
    struct Name {
        let root: TemplateName.Root
        let path: UnsafeBufferPointer<TemplateKey>
        let transforms: UnsafeBufferPointer<TemplateTransform>
    }

    struct Partial {
        /// The template a static partial names; nil when the theme has none (nothing is drawn)
        /// or the partial is dynamic.
        var target: Body?
        /// A dynamic partial (`{{>*name}}`): the name whose value is the template's name.
        let dynamicName: Name?
        let name: String
        let indentation: UnsafeBufferPointer<UInt8>
        /// `{{<parent}}`'s block overrides.
        let overrides: [String: Body]?
    }

    struct Block {
        let name: String
        let defaults: Body
    }

    let templates: [String: Body]
    private let memory: Memory

    init(_ parsed: [String: [TemplateNode]]) {
        let memory = Memory()
        var partials: [UnsafeMutablePointer<Partial>] = []
        var templates: [String: Body] = [:]
        for name in parsed.keys.sorted() { templates[name] = memory.freeze(parsed[name]!, partials: &partials) }
        for partial in partials where partial.pointee.dynamicName == nil {
            partial.pointee.target = templates[partial.pointee.name]
        }
        self.templates = templates
        self.memory = memory
    }

    /// What the nodes point at: allocated while freezing, freed with the program.
    private final class Memory {
        private var releases: [() -> Void] = []

        deinit { for release in releases { release() } }

        func store<Element>(_ elements: [Element]) -> UnsafeBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(elements.count, 1))
            let count = elements.count
            _ = buffer.initialize(from: elements)
            releases.append {
                buffer.baseAddress!.deinitialize(count: count)
                buffer.deallocate()
            }
            return UnsafeBufferPointer(rebasing: buffer[0..<count])
        }

        func store<Value>(_ value: Value) -> UnsafeMutablePointer<Value> {
            let pointer = UnsafeMutablePointer<Value>.allocate(capacity: 1)
            pointer.initialize(to: value)
            releases.append {
                pointer.deinitialize(count: 1)
                pointer.deallocate()
            }
            return pointer
        }

        func freeze(_ nodes: [TemplateNode], partials: inout [UnsafeMutablePointer<Partial>]) -> Body {
            store(nodes.map { freeze($0, partials: &partials) })
        }

        func freeze(_ name: TemplateName) -> Name {
            Name(root: name.root, path: store(name.path), transforms: store(name.transforms))
        }

        private func freeze(_ node: TemplateNode, partials: inout [UnsafeMutablePointer<Partial>]) -> Node {
            switch node {
            case .text(let bytes, let endsLine):
                return .text(store(bytes), endsLine: endsLine)
            case .variable(let name, let escaped):
                return .variable(freeze(name), escaped: escaped)
            case .section(let name, let body, let inverted):
                return .section(freeze(name), freeze(body, partials: &partials), inverted: inverted)
            case .partial(let name, let dynamic, let indentation, let overrides):
                var frozenOverrides: [String: Body]?
                if let overrides {
                    frozenOverrides = [:]
                    for key in overrides.keys.sorted() { frozenOverrides![key] = freeze(overrides[key]!, partials: &partials) }
                }
                // A dynamic partial looks its name up as `{{name}}` would, from anywhere.
                let lookup = dynamic
                    ? freeze(TemplateName(root: .anywhere, path: name.split(separator: ".").map { TemplateKey(String($0)) }, transforms: [], source: name))
                    : nil
                let partial = store(Partial(target: nil, dynamicName: lookup, name: name, indentation: store(indentation), overrides: frozenOverrides))
                partials.append(partial)
                return .partial(UnsafePointer(partial))
            case .block(let name, let defaults):
                return .block(UnsafePointer(store(Block(name: name, defaults: freeze(defaults, partials: &partials)))))
            case .escaping(let flag):
                return .escaping(flag)
            }
        }
    }
}
