import Foundation
import Common

/// Everything the app shows, as plain values. Only `update` changes it; `render` draws it.
public struct AppState: Sendable {
    public var lang: Language
    public var theme: Theme
    public var width: Int
    public var height: Int
    /// The wall clock as last told by a `.clock` event (keeps `update` pure).
    public var now: Date
    /// Local time minus UTC, seconds (the technician's days are local days).
    public var utcOffset: Int
    /// Seconds on a monotonic clock when the current event arrived (the UI loop sets it with
    /// `step`; tests set it by hand). PTZ hold-to-move measures key repeats with it.
    public var uptime: Double = 0
    public var screen: Screen = .sources
    public var focus: Focus = .savedList
    public var modal: Modal?
    /// Lines the help overlay is scrolled down.
    public var helpScroll = 0
    public var notice: Notice?
    /// False once the user quit: the loop restores the terminal and exits.
    public var running = true
    /// Animation frame counter (spinner).
    public var frame = 0

    public var config: Config
    public var sources = SourcesState()
    public var form = FormState()
    public var cameras = CameraGridState()
    public var dates: DatesState
    public var downloads = DownloadsState()
    public var log = LogState()
    /// The cameras' pictures and the preview.
    public var pictures = PicturesState()
    /// How pictures are drawn (graphics mode, colour depth, preview refresh).
    public var pictureSettings = PictureSettings()

    /// Settings from the database's processing config (or defaults).
    public struct Config: Sendable, Equatable {
        public var videoRoot: String
        public var defaultDays: Int
        public init(videoRoot: String = "nvr_downloads", defaultDays: Int = 3) {
            self.videoRoot = videoRoot; self.defaultDays = defaultDays
        }
    }

    public init(lang: Language, theme: Theme, width: Int = 80, height: Int = 24, now: Date, utcOffset: Int = 0, config: Config = Config()) {
        self.lang = lang; self.theme = theme; self.width = width; self.height = height
        self.now = now; self.utcOffset = utcOffset; self.config = config
        let today = LocalDay.of(now, utcOffset: utcOffset)
        self.dates = DatesState(cursor: today)
        self.form.videoRoot.set(config.videoRoot)
    }

    /// The commands to run when the app opens: saved sources, discovery, unfinished downloads.
    public static let startCommands: [Command] = [.loadSources, .startDiscovery, .resumeDownloads]

    /// The text of a sentence in the app's language.
    public func t(_ s: Localized) -> String { s.text(lang) }

    /// The smallest usable terminal.
    public static let minWidth = 80
    public static let minHeight = 24
    public var isTooSmall: Bool { width < Self.minWidth || height < Self.minHeight }

    /// Something is moving on screen (a spinner needs `.tick` events), or the preview counts
    /// ticks to its next refresh.
    public var isAnimating: Bool {
        form.testing || cameras.saving || dates.coverageStatus == .loading || sources.discovering
            || (screen == .cameras && (pictures.preview != nil || pictures.anyLoading(cameras.rows.lazy.map(\.camera.id))))
    }

    /// Seconds between two `.tick` events (the UI loop's animation timer).
    public static let tickSeconds = 0.1
}

/// The devices & sources screen.
public struct SourcesState: Sendable, Equatable {
    public var saved: [SavedSource] = []
    public var found: [FoundDevice] = []
    public var savedCursor = 0
    public var foundCursor = 0
    public var loadStatus: LoadStatus = .idle
    /// A WS-Discovery sweep is running.
    public var discovering = false
    /// Why discovery cannot run, when it cannot.
    public var discoveryProblem: Localized?
    /// This session's test outcome per source name (also for a source saved after its test).
    public var tested: [String: Notice] = [:]
    public init() {}
}

/// The source form.
public struct FormState: Sendable, Equatable {
    public var address = TextField("", accepts: .host, maxLength: 253)
    public var port = TextField("80", accepts: .digits, maxLength: 5)
    public var user = TextField("admin", maxLength: 64)
    public var password = TextField("", masked: true, maxLength: 128)
    public var name = TextField("", maxLength: 120)
    public var videoRoot = TextField("", maxLength: 1024)
    /// Editing a saved source: an empty password keeps the saved one.
    public var editingSaved: String?
    public var testing = false
    /// The last test's outcome sentence.
    public var outcome: Notice?
    public init() {}

    public subscript(field: FormField) -> TextField {
        get {
            switch field {
            case .address: return address
            case .port: return port
            case .user: return user
            case .password: return password
            case .name: return name
            case .videoRoot: return videoRoot
            case .protocolKind, .testButton: return TextField("")
            }
        }
        set {
            switch field {
            case .address: address = newValue
            case .port: port = newValue
            case .user: user = newValue
            case .password: password = newValue
            case .name: name = newValue
            case .videoRoot: videoRoot = newValue
            case .protocolKind, .testButton: break
            }
        }
    }
}

/// The camera grid and the source it belongs to.
public struct CameraGridState: Sendable, Equatable {
    /// The tested source the grid shows.
    public var connection: Connection?
    public var device: DeviceInfo?
    public var rows: [CameraRow] = []
    /// Index into `visibleIndices`.
    public var cursor = 0
    public var filter = TextField("", maxLength: 64)
    public var filtering = false
    public var saving = false
    public var report: SaveReport?
    /// The selection as last saved successfully (to know whether the grid has unsaved changes).
    public var savedSelection: [String]?
    public init() {}

    /// Indices of `rows` matching the filter (case- and accent-insensitive).
    public var visibleIndices: [Int] {
        let f = filter.text.trimmingCharacters(in: .whitespaces)
        guard !f.isEmpty else { return Array(rows.indices) }
        let needle = f.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return rows.indices.filter {
            rows[$0].key.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).contains(needle)
        }
    }

    /// Keys of the ticked cameras, in grid order.
    public var selectedNames: [String] { rows.filter(\.selected).map(\.key) }

    /// Saved, and not changed since.
    public var isSaved: Bool { savedSelection != nil && savedSelection == selectedNames && report?.ok == true }
}

/// The date-range picker. Days are local day numbers (days since 1970-01-01, local time).
public struct DatesState: Sendable, Equatable {
    public var cursor: Int
    public var start: Int?
    public var end: Int?
    /// The first day is marked and the next Enter marks the last.
    public var marking = false
    public var startTime = TextField("00:00", accepts: .time, maxLength: 5)
    public var endTime = TextField("23:59", accepts: .time, maxLength: 5)
    public var coverage: [CameraCoverage] = []
    public var coverageStatus: LoadStatus = .idle
    /// The span the coverage was asked for (UTC).
    public var coverageFrom: Date?
    public var coverageTo: Date?
    public init(cursor: Int) { self.cursor = cursor }
}

/// The downloads screen.
public struct DownloadsState: Sendable, Equatable {
    /// Every job the engine reported this session, oldest first.
    public var jobs: [DownloadJobInfo] = []
    /// Every camera of those jobs, grouped by job in the jobs' order.
    public var rows: [DownloadRow] = []
    public var cursor = 0
    /// Downloads asked for that the engine has not taken yet.
    public var starting = 0
    /// Each synced source's unattended sync, as last read (reloaded while the screen shows).
    public var sync: [SyncLine] = []
    /// Ticks since the sync lines were last asked for.
    public var syncTicks = 0
    /// Ticks between two reads of the sync lines while the downloads screen shows (5 s).
    public static let syncReloadTicks = 50
    public init() {}

    public func job(_ id: Int64) -> DownloadJobInfo? { jobs.first { $0.id == id } }

    /// Jobs with a camera in one of `phases`' states (by `test`).
    public func jobIDs(where test: (DownloadPhase) -> Bool) -> [Int64] {
        jobs.map(\.id).filter { id in rows.contains { $0.jobID == id && test($0.phase) } }
    }

    public var anyActive: Bool { rows.contains { $0.phase.isActive } }

    /// All cameras together.
    public var overall: DownloadRow {
        var r = DownloadRow(camera: "")
        for row in rows {
            r.mediaDone += row.phase == .done ? max(row.mediaDone, row.mediaTotal) : row.mediaDone
            r.mediaTotal += row.mediaTotal
            r.bytes += row.bytes
            r.files += row.files
            if row.phase.isActive { r.bytesPerSecond += row.bytesPerSecond; r.realtimeFactor += row.realtimeFactor }
        }
        if let eta = rows.filter({ $0.phase.isActive }).compactMap(\.etaSeconds).max() { r.etaSeconds = eta }
        r.phase = rows.isEmpty ? .queued : (rows.allSatisfy { $0.phase == .done } ? .done : (anyActive ? .running : .paused(nil)))
        return r
    }
}

/// The session log pane.
public struct LogState: Sendable, Equatable {
    public var lines: [LogLine] = []
    /// Lines scrolled up from the newest (0 = follow the newest).
    public var scroll = 0
    public static let capacity = 500
    public init() {}
}
