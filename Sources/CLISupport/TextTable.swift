import Common

/// Plain-text tables for terminal output.
public enum TextTable {
    /// Left-aligned columns separated by two spaces, padded to their display width in terminal
    /// cells (wide characters and emoji take two, combining marks none: `DisplayWidth`); the
    /// last column is not padded. Every cell goes through `TerminalText.shown` first, so a
    /// bidirectional override or a control character in a name is shown escaped and cannot
    /// reorder or break the line. A row may have fewer or more cells than another.
    public static func render(_ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "" }
        let cells = rows.map { $0.map(TerminalText.shown) }
        var widths = Array(repeating: 0, count: cells.map(\.count).max() ?? 0)
        for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        return cells.map { r in
            r.enumerated().map { i, c in
                i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - DisplayWidth.of(c))
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
