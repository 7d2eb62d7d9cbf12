import Common
import Foundation
import Store

/// The save-config workflow: a tested source and a camera selection go to SQLite, each selected
/// camera gets a checked folder, and `processing_config` (video_root, selected_cameras,
/// camera_paths) is updated — all in ONE transaction. When a folder cannot be made usable,
/// nothing is saved (folders already created stay; they are empty).
///
/// `processing_config` always reflects every active source's selection (see ``CameraPathIndex``).
public struct SaveConfig: Sendable {
    /// How `save` treats an existing source of the same name.
    public enum Mode: Sendable {
        /// Refuse (`StoreError.duplicateSource`).
        case addOnly
        /// Update it (same id), the default.
        case upsert
    }

    /// What was saved.
    public struct Outcome: Sendable {
        public var source: VideoSource
        /// Whether the source row is new.
        public var created: Bool
        /// The saved source's folders.
        public var validation: PathValidation
        /// The other active sources' folders, checked again.
        public var others: [PathValidation]
        /// `processing_config` after the save.
        public var config: ProcessingConfig
    }

    public let repository: Repository
    public var validator: PathValidator

    public init(repository: Repository, validator: PathValidator = PathValidator()) {
        self.repository = repository
        self.validator = validator
    }

    /// Saves a tested source (upsert by name, password encrypted when given) with a selection.
    /// - Parameter videoRoot: a new video root; nil keeps the configured one.
    public func save(_ tested: TestedSource, choice: CameraChoice, videoRoot: String? = nil, mode: Mode = .upsert) throws -> Outcome {
        let name = try StoreWriter.checkedName(tested.name)
        let host = tested.host.trimmingCharacters(in: .whitespaces)
        if host.isEmpty { throw SaveConfigError.emptyHost }
        if let p = tested.port, !(1 ... 65535).contains(p) { throw SaveConfigError.invalidPort(String(p)) }

        return try repository.write { tx in
            let existing = try tx.read.source(named: name)
            if existing != nil, mode == .addOnly { throw StoreError.duplicateSource(name: name) }
            let keys = try Self.selectedKeys(choice, cameras: tested.cameras, previous: existing?.config)
            var config = existing?.config ?? SourceConfig(url: host)
            config.protocolName = "onvif"
            config.url = host
            config.port = tested.port
            config.username = tested.username
            config.detectedCameras = tested.cameras
            config.selectedCameras = keys
            config.device = tested.device
            let type = tested.sourceType ?? (tested.cameras.count > 1 ? "nvr" : "camera")
            let (source, created) = try tx.upsertSource(name: name, sourceType: type, config: config, active: true)
            if let password = tested.password { try tx.setPassword(password, for: source) }
            let root = try videoRoot.map { try Self.checkedRoot($0) } ?? tx.read.processingConfig().videoRoot
            let (all, merged) = try rebuild(tx, videoRoot: root, validate: true, primary: source.id)
            let saved = try tx.read.requireSource(named: name)
            return Outcome(source: saved, created: created, validation: all.primary ?? Self.emptyValidation(root, saved),
                           others: all.others, config: merged)
        }
    }

    /// Changes the selection of a saved source (without contacting it).
    public func select(sourceName: String, choice: CameraChoice) throws -> Outcome {
        try repository.write { tx in
            let source = try tx.read.requireSource(named: sourceName)
            var config = source.config
            config.selectedCameras = try Self.selectedKeys(choice, cameras: config.detectedCameras, previous: config)
            try tx.updateConfig(of: source, config)
            let root = try tx.read.processingConfig().videoRoot
            let (all, merged) = try rebuild(tx, videoRoot: root, validate: true, primary: source.id)
            let saved = try tx.read.requireSource(named: source.name)
            return Outcome(source: saved, created: false, validation: all.primary ?? Self.emptyValidation(root, saved),
                           others: all.others, config: merged)
        }
    }

    /// Removes a source and its password, and drops its cameras from `processing_config`.
    /// Its folders and videos are left on disk.
    @discardableResult
    public func remove(sourceName: String) throws -> VideoSource {
        try repository.write { tx in
            let removed = try tx.removeSource(named: sourceName)
            let root = try tx.read.processingConfig().videoRoot
            _ = try rebuild(tx, videoRoot: root, validate: false, primary: nil)
            return removed
        }
    }

    /// Moves every source's folders to a new video root: all are created and checked there, and
    /// `processing_config` is updated only when all are usable.
    public func setVideoRoot(_ videoRoot: String) throws -> [PathValidation] {
        let root = try Self.checkedRoot(videoRoot)
        return try repository.write { tx in
            let (all, _) = try rebuild(tx, videoRoot: root, validate: true, primary: nil)
            return all.others
        }
    }

    /// Changes one processing setting (`vtrack config set`). `video_root` moves every source's
    /// folders there (see ``setVideoRoot(_:)``: all checked, or nothing changes) and returns their
    /// checks; other keys are checked by `ProcessingConfig.set` and return none.
    public func set(_ key: String, to value: String) throws -> (config: ProcessingConfig, validations: [PathValidation]) {
        if key == "video_root" {
            let validations = try setVideoRoot(value)
            return (try repository.processingConfig(), validations)
        }
        return (try repository.write { tx in try tx.updateProcessingConfig { try $0.set(key, to: value) } }, [])
    }

    /// Creates and checks the folders of one source (or every active source) without saving.
    public func check(sourceName: String? = nil) throws -> [PathValidation] {
        let (sources, config) = try repository.read { r in (try r.sources(), try r.processingConfig()) }
        let folders = Self.sourceFolders(sources)
        var out: [PathValidation] = []
        for (source, folder) in zip(sources, folders) {
            if let sourceName { guard source.name == sourceName else { continue } } else { guard source.active else { continue } }
            let keys = source.config.selectedCameraRecords.map(\.key)
            out.append(validator.validate(videoRoot: config.videoRoot, sourceName: source.name, cameraKeys: keys, sourceFolder: folder))
        }
        if let sourceName, out.isEmpty { throw StoreError.sourceNotFound(name: sourceName) }
        return out
    }

    // MARK: - Inside the transaction

    private struct Validations {
        var primary: PathValidation?
        var others: [PathValidation] = []
    }

    /// Recomputes (and, with `validate`, creates and checks) every active source's folders under
    /// `videoRoot` and writes `processing_config`. Throws `validationFailed` — rolling back the
    /// transaction — when any folder is unusable.
    private func rebuild(_ tx: StoreWriter, videoRoot: String, validate: Bool, primary: Int64?) throws -> (Validations, ProcessingConfig) {
        let sources = try tx.read.sources()
        let folders = Self.sourceFolders(sources)
        for (source, folder) in zip(sources, folders) where source.config.folder != folder {
            var c = source.config
            c.folder = folder
            try tx.updateConfig(of: source, c)
        }
        var result = Validations()
        var entries: [CameraPathIndex.Entry] = []
        let resolvedRoot = Self.resolved(videoRoot)
        for (source, folder) in zip(sources, folders) where source.active {
            let keys = source.config.selectedCameraRecords.map(\.key)
            let isPrimary = source.id == primary
            if keys.isEmpty && !isPrimary { continue }
            var paths: [(key: String, folder: String)]
            if validate {
                let v = validator.validate(videoRoot: videoRoot, sourceName: source.name, cameraKeys: keys, sourceFolder: folder)
                if isPrimary { result.primary = v } else { result.others.append(v) }
                paths = keys.map { (key: $0, folder: v.cameraPaths[$0] ?? "") }
            } else {
                let plan = validator.plan(sourceName: source.name, cameraKeys: keys, sourceFolder: folder)
                paths = zip(keys, plan.cameras).map { (key: $0, folder: resolvedRoot + "/" + folder + "/" + $1) }
            }
            entries.append(CameraPathIndex.Entry(sourceName: source.name, cameras: paths))
        }
        if let failed = ([result.primary].compactMap { $0 } + result.others).first(where: { $0.validationStatus == .failed }) {
            throw SaveConfigError.validationFailed(failed)
        }
        let merged = CameraPathIndex.merge(entries)
        let config = try tx.updateProcessingConfig { c in
            c.videoRoot = videoRoot
            c.selectedCameras = merged.selected
            c.cameraPaths = merged.paths
        }
        return (result, config)
    }

    // MARK: - Helpers

    /// Distinct folder names for all sources: the one fixed at a source's first save, else a new
    /// one from its name that no other source uses (even when names differ only by case).
    static func sourceFolders(_ sources: [VideoSource]) -> [String] {
        var fixed: [String?] = []
        var seen = Set<String>()
        for s in sources {
            // A stored folder counts only when safe and not already claimed by an older source.
            if let f = s.config.folder, FolderName.isSafe(f), seen.insert(FolderName.foldKey(f)).inserted {
                fixed.append(f)
            } else {
                fixed.append(nil)
            }
        }
        let reserved = fixed.compactMap { $0 }
        let needed = zip(sources, fixed).filter { $0.1 == nil }.map(\.0.name)
        var fresh = FolderName.assign(needed, reserved: reserved, fallback: "source").makeIterator()
        return fixed.map { $0 ?? fresh.next()! }
    }

    /// The selected camera keys for a choice.
    static func selectedKeys(_ choice: CameraChoice, cameras: [Camera], previous: SourceConfig?) throws -> [String] {
        let keys = CameraKeys.keys(for: cameras)
        switch choice {
        case .all: return keys
        case .none: return []
        case .keep:
            guard let previous else { return keys }
            let before = Set(previous.selectedCameras)
            return keys.filter { before.contains($0) }
        case let .names(names):
            let (found, unknown) = CameraKeys.resolve(names, in: cameras)
            if !unknown.isEmpty { throw SaveConfigError.unknownCameras(unknown, known: keys) }
            return keys.filter { found.contains($0) }
        }
    }

    static func checkedRoot(_ raw: String) throws -> String {
        var c = ProcessingConfig.defaults(databaseFile: "")
        try c.set("video_root", to: raw)
        return c.videoRoot
    }

    static func resolved(_ path: String) -> String {
        guard let r = realpath(path, nil) else { return path }
        defer { free(r) }
        return String(cString: r)
    }

    static func emptyValidation(_ root: String, _ source: VideoSource) -> PathValidation {
        PathValidation(videoRoot: root, sourceName: source.name, sourcePath: root, cameraPaths: [:], validationStatus: .success,
                       diskSpaceGB: nil, cameras: [], problems: [])
    }
}
