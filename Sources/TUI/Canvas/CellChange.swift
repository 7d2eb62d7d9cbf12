/// One cell a backend must send because it differs from the previous frame.
public struct CellChange: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}

extension CellBuffer {
    /// The cells that differ from `previous` (every cell when there is no previous frame or
    /// its size differs). Continuation cells are never listed: drawing a wide glyph covers them.
    public func changes(from previous: CellBuffer?) -> [CellChange] {
        var out: [CellChange] = []
        let full = previous == nil || previous!.width != width || previous!.height != height
        if full { out.reserveCapacity(cells.count) }
        for y in 0..<height {
            let base = y * width
            for x in 0..<width {
                let c = cells[base + x]
                if c.isContinuation { continue }
                if full || previous!.cells[base + x] != c {
                    out.append(CellChange(x: x, y: y, cell: c))
                } else if c.isWide, previous!.cells[base + x + 1] != cells[base + x + 1] {
                    out.append(CellChange(x: x, y: y, cell: c))
                }
            }
        }
        return out
    }
}
