import Foundation

/// How unattended sync behaves (`vtrack sync` options).
public struct SyncOptions: Sendable {
    /// Saved sources to sync, by name; empty = every active source with ticked cameras.
    public var sources: [String] = []
    /// Seconds between the starts of two passes (loop mode).
    public var interval: TimeInterval = 600
    /// Footage younger than this is left for the next pass (the recorder may still be writing it).
    public var lag: TimeInterval = 300
    /// How far back the first pass of a camera goes.
    public var since: TimeInterval = 86_400
    /// Cameras of a source downloaded at once.
    public var parallel = 2
    /// Replay sessions the device may serve at once.
    public var replaySessions = 1
    /// Split files on a keyframe before they grow past this.
    public var maxFileSizeMB = 500
    /// How many times a known gap of the device is searched again (footage that appears there
    /// later, e.g. uploaded late from a camera's card, is fetched); 0 = never.
    public var gapRechecks = 3
    /// Seconds before the first re-check of a gap (doubling after each); nil = `interval`.
    public var gapRecheckDelay: TimeInterval?
    /// Parts of the timeline without footage shorter than this are not recorded as gaps (they are
    /// the frames between two GOPs, not an outage).
    public var minimumGap: TimeInterval = 2
    /// A pass of a camera is skipped while its window is shorter than this.
    public var minimumWindow: TimeInterval = 1
    /// What retention keeps after each pass; nil = no retention.
    public var retention: RetentionPolicy?
    /// The clock (tests may move it).
    public var now: @Sendable () -> Date = { Date() }

    public init() {}
}
