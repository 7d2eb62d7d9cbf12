import Common

extension Keymap {
    /// The README's key table, generated from `bindings` (one section per context, both
    /// languages). `vtrack keys --markdown` prints it; a test checks the README holds it.
    public static func markdown() -> String {
        var out = ""
        for context in KeyContext.allCases {
            let rows = bindings(in: context)
            guard !rows.isEmpty else { continue }
            out += "**\(context.title.en) — \(context.title.vi)**\n\n"
            out += "| Keys | Action | Tác vụ |\n|---|---|---|\n"
            for b in rows {
                let keys = b.keys.map { "`\($0.label)`" }.joined(separator: " ")
                out += "| \(keys) | \(b.description.en) | \(b.description.vi) |\n"
            }
            out += "\n"
        }
        return out
    }
}
