/// Who answered what: each feedback's refs spread over the items they cover.
enum Answers {
    /// A ref to a whole record answers each of its items; a record without items is answered
    /// as a whole (`item == nil`). Answers are sorted by feedback date, then feedback id.
    static func collect(_ records: [Record], position: [String: Int], links: [String: [Link]]) -> [ItemKey: [Answer]] {
        var answers: [ItemKey: [Answer]] = [:]
        for record in records where record.kind == .feedback {
            for link in links[record.id] ?? [] {
                guard let outcome = link.outcome, let targetIndex = position[link.target] else { continue }
                let target = records[targetIndex]
                let answer = Answer(feedback: record.id, date: record.date, outcome: outcome, note: link.note)
                if let item = link.item {
                    answers[ItemKey(record: target.id, item: item), default: []].append(answer)
                } else if target.items.isEmpty {
                    answers[ItemKey(record: target.id, item: nil), default: []].append(answer)
                } else {
                    for item in target.items {
                        answers[ItemKey(record: target.id, item: item.id), default: []].append(answer)
                    }
                }
            }
        }
        for key in answers.keys {
            answers[key]!.sort { ($0.date.epochSeconds, $0.feedback) < ($1.date.epochSeconds, $1.feedback) }
        }
        return answers
    }
}
