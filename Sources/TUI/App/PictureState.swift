import Common
import Pictures

/// What the app draws for one camera's picture: the latest picture (kept while a refresh
/// runs), whether a load is running, and the last load's failure sentence.
public struct PictureSlot: Sendable, Equatable {
    public var shown: ShownPicture?
    public var loading: Bool
    public var failure: Localized?

    public init(shown: ShownPicture? = nil, loading: Bool = false, failure: Localized? = nil) {
        self.shown = shown; self.loading = loading; self.failure = failure
    }
}

/// The pictures of the cameras in the grid, by camera id. Only what is drawn: the engine's
/// cache (Core's `PictureService`) holds the rest.
public struct PicturesState: Sendable, Equatable {
    public var slots: [String: PictureSlot] = [:]
    /// The full-screen preview of one camera, when open.
    public var preview: PreviewState?
    /// The number the next live view gets (its frames and end carry it; stale ones are ignored).
    public var nextLiveSession = 1
    public init() {}

    public subscript(cameraID: String) -> PictureSlot {
        get { slots[cameraID] ?? PictureSlot() }
        set { slots[cameraID] = newValue }
    }

    /// A load runs for one of `ids`.
    public func anyLoading(_ ids: some Sequence<String>) -> Bool { ids.contains { slots[$0]?.loading == true } }
}

/// The full-screen preview: which camera, when its picture is next refreshed, and the live
/// view when one runs.
public struct PreviewState: Sendable, Equatable {
    public var cameraID: String
    /// Ticks (`AppState.tickSeconds` each) until the next refresh; counted only while the
    /// preview is on screen and no load runs.
    public var ticksToRefresh: Int
    public var live: LiveState?
    /// The camera's PTZ controls (asked for when the preview opens).
    public var ptz: PTZState?

    public init(cameraID: String, ticksToRefresh: Int, live: LiveState? = nil, ptz: PTZState? = nil) {
        self.cameraID = cameraID; self.ticksToRefresh = ticksToRefresh; self.live = live; self.ptz = ptz
    }
}

/// A live view of the preview's camera (the sub stream, decoded).
public struct LiveState: Sendable, Equatable {
    /// The view's number: frames and ends of other (stopped) views are ignored.
    public var session: Int
    public var frame: ShownPicture?
    /// Frames shown so far.
    public var frames = 0
    /// Why it ended, once it did (the preview then shows still pictures again).
    public var ended: Localized?

    public init(session: Int) { self.session = session }
}

/// How the app draws pictures: the graphics mode (resolved for this terminal), the colour
/// depth of picture cells, and the preview's refresh period.
public struct PictureSettings: Sendable, Equatable {
    /// `cells`, `sixel`, `kitty` or `none` (never `auto`: resolved at start).
    public var graphics: GraphicsMode
    public var depth: ColorDepth
    /// Seconds between two refreshes of the preview (`preview_refresh` in tui.conf).
    public var previewRefresh: Double
    /// A terminal cell's size in pixels (pixel graphics are fitted to it).
    public var cellWidth: Int
    public var cellHeight: Int

    public init(graphics: GraphicsMode = .cells, depth: ColorDepth = .indexed256, previewRefresh: Double = 1,
                cellWidth: Int = 10, cellHeight: Int = 20) {
        self.graphics = graphics == .auto ? .cells : graphics
        self.depth = depth; self.previewRefresh = previewRefresh
        self.cellWidth = cellWidth; self.cellHeight = cellHeight
    }

    /// Pictures are shown at all (not `--graphics none`).
    public var enabled: Bool { graphics != .none }

    /// Pictures are drawn with terminal pixels (sixel or kitty) instead of cells.
    public var usesPixels: Bool { graphics == .sixel || graphics == .kitty }

    /// The refresh period in ticks (at least one).
    public var refreshTicks: Int { max(1, Int((previewRefresh / AppState.tickSeconds).rounded())) }

    /// The preview's refresh period while its PTZ camera moves, in ticks: counted once the
    /// last picture arrived, so with the time a picture takes, about 4 pictures a second.
    public static let movingRefreshTicks = 2
}
