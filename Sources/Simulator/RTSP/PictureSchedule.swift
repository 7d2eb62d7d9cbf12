import Foundation

/// The order and recording times of the pictures a stream sends.
///
/// Live: the asset looped from its first keyframe, times counted from PLAY.
/// Replay: footage times on a grid of `1/fps` since 1970 (picture n is the asset's picture
/// n mod count), starting at the keyframe at or before the requested start, jumping over gaps to
/// the first keyframe of the next footage interval (that picture carries D), and ending before the
/// requested end (the last picture carries T).
struct PictureSchedule {
    struct Item: Equatable {
        var assetIndex: Int
        var wallClock: Date
        var discontinuity: Bool
        var isLast: Bool
        /// The last picture before a gap.
        var endOfSection = false
    }

    private let asset: SimVideoAsset
    private let live: Bool
    private let liveStart: Date
    private var segments: [DateInterval]
    private let end: Date
    private var n: Int64 = 0
    private var segment = 0
    private var pending: Item?
    private var started = false

    static func live(_ asset: SimVideoAsset, start: Date) -> PictureSchedule {
        PictureSchedule(asset: asset, live: true, liveStart: start, segments: [], end: .distantFuture)
    }

    /// `segments`: footage clipped to the requested range, ordered; `end`: the range's end.
    static func replay(_ asset: SimVideoAsset, segments: [DateInterval], start: Date, end: Date) -> PictureSchedule {
        var s = PictureSchedule(asset: asset, live: false, liveStart: start, segments: segments, end: end)
        if let first = segments.first {
            let fps = Double(asset.fps)
            let from = max(start, first.start)
            var n = Int64((from.timeIntervalSince1970 * fps).rounded(.down))
            let idx = Int(n % Int64(asset.pictures.count))
            n -= Int64(idx - asset.keyframe(atOrBefore: idx))
            s.n = n
        }
        return s
    }

    private init(asset: SimVideoAsset, live: Bool, liveStart: Date, segments: [DateInterval], end: Date) {
        self.asset = asset
        self.live = live
        self.liveStart = liveStart
        self.segments = segments
        self.end = end
    }

    /// The next picture, or nil after the last.
    mutating func next() -> Item? {
        if !started {
            started = true
            pending = produce()
        }
        guard var item = pending else { return nil }
        pending = produce()
        if pending == nil { item.isLast = true }
        if pending?.discontinuity == true { item.endOfSection = true }
        return item
    }

    private mutating func produce() -> Item? {
        let count = asset.pictures.count
        if live {
            defer { n += 1 }
            return Item(assetIndex: Int(n % Int64(count)), wallClock: liveStart.addingTimeInterval(Double(n) / Double(asset.fps)),
                        discontinuity: false, isLast: false)
        }
        let fps = Double(asset.fps)
        var discontinuity = false
        while segment < segments.count {
            let seg = segments[segment]
            let t = Date(timeIntervalSince1970: Double(n) / fps)
            if t < seg.end && t < end {
                n += 1
                return Item(assetIndex: Int((n - 1) % Int64(count)), wallClock: t, discontinuity: discontinuity, isLast: false)
            }
            // next interval: its first keyframe at or after its start
            segment += 1
            guard segment < segments.count else { return nil }
            var m = Int64((segments[segment].start.timeIntervalSince1970 * fps).rounded(.up))
            while !asset.pictures[Int(m % Int64(count))].isKeyframe { m += 1 }
            n = m
            discontinuity = true
        }
        return nil
    }
}
