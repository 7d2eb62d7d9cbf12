/// Colour pairs for a terminal backend that has a limited table of them (ncurses: 65 536 under
/// xterm-256color/tmux-256color, 64 under xterm): one pair per (foreground, background) in use,
/// allocated on first use and recycled once no cell on screen uses it any more.
///
/// Pictures drawn as cells need many pairs (every cell may have its own two colours), and a
/// live view brings new ones with each frame, so pairs must be recycled; but a pair still on
/// screen must never be redefined (the terminal would repaint those cells in the new colours).
/// The table counts the cells that use each pair: the backend tells it what every cell it
/// draws replaces (`use(fg:bg:replacing:)`) and when the screen is cleared (`screenCleared`).
/// Only when more pairs are on screen at once than the table holds does it hand out the
/// closest pair already defined (a colour slightly off, never the default colours).
public struct ColorPairTable: Sendable {
    /// Pair numbers 1..<capacity are usable (0 is the terminal's default colours).
    public let capacity: Int
    private var pairOf: [Int64: Int32] = [:]
    private var colorsOf: [Int32: (fg: Int, bg: Int)] = [:]
    private var uses: [Int32: Int] = [:]
    /// Pairs that no cell used when the table was last scanned (stale entries are skipped when
    /// taken); scanned again only once the table is full, this list is spent, and a pair has
    /// been let go since.
    private var idle: [Int32] = []
    private var idleHead = 0
    private var releasedSinceScan = 0
    private var next: Int32 = 1
    /// Times a pair was redefined for other colours.
    public private(set) var recycled = 0
    /// Times no pair was free and the closest one was used instead.
    public private(set) var approximated = 0

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Pairs defined now.
    public var defined: Int { colorsOf.count }
    /// Pairs used by at least one cell on screen.
    public var inUse: Int { uses.values.filter { $0 > 0 }.count }

    /// What the backend must do to draw a cell with these colours.
    public struct Grant: Sendable, Equatable {
        public var pair: Int32
        /// Define (or redefine) `pair` with the colours before drawing.
        public var define: Bool
    }

    /// The pair for a cell drawn with terminal colours `fg`/`bg` (-1: default) over a cell that
    /// had pair `old` (0 or nil: none).
    public mutating func use(fg: Int, bg: Int, replacing old: Int32?) -> Grant {
        if let old, old > 0 { release(old) }
        if fg < 0 && bg < 0 { return Grant(pair: 0, define: false) }
        let key = Int64(fg + 1) << 32 | Int64(bg + 1)
        if let p = pairOf[key] {
            uses[p, default: 0] += 1
            return Grant(pair: p, define: false)
        }
        if Int(next) < capacity {
            let p = next
            next += 1
            bind(p, key, fg, bg)
            return Grant(pair: p, define: true)
        }
        for _ in 0..<2 {
            while idleHead < idle.count {
                let p = idle[idleHead]
                idleHead += 1
                guard uses[p, default: 0] == 0 else { continue }
                if let c = colorsOf[p] { pairOf[Self.key(c.fg, c.bg)] = nil }
                recycled += 1
                bind(p, key, fg, bg)
                return Grant(pair: p, define: true)
            }
            guard releasedSinceScan > 0 else { break }
            idle = uses.filter { $0.value == 0 }.keys.sorted()
            idleHead = 0
            releasedSinceScan = 0
        }
        approximated += 1
        let p = closest(fg, bg)
        if p > 0 { uses[p, default: 0] += 1 }
        return Grant(pair: p, define: false)
    }

    /// The screen was cleared (resize, full repaint): no cell uses any pair now.
    public mutating func screenCleared() {
        for p in uses.keys { uses[p] = 0 }
        releasedSinceScan += 1
    }

    private mutating func bind(_ p: Int32, _ key: Int64, _ fg: Int, _ bg: Int) {
        pairOf[key] = p
        colorsOf[p] = (fg, bg)
        uses[p] = 1
    }

    private mutating func release(_ p: Int32) {
        guard let n = uses[p], n > 0 else { return }
        uses[p] = n - 1
        if n == 1 { releasedSinceScan += 1 }
    }

    private static func key(_ fg: Int, _ bg: Int) -> Int64 { Int64(fg + 1) << 32 | Int64(bg + 1) }

    /// The defined pair nearest to the colours (by terminal colour number for a 256-colour
    /// cube, which keeps neighbours close enough for a rare overflow).
    private func closest(_ fg: Int, _ bg: Int) -> Int32 {
        var best: Int32 = 0
        var bestDistance = Int.max
        for (p, c) in colorsOf {
            let d = abs(c.fg - fg) + abs(c.bg - bg)
            if d < bestDistance { best = p; bestDistance = d }
        }
        return best
    }
}
