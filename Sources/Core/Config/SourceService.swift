import Common
import Foundation
import ONVIF
import Store

/// The saved sources (NVRs and cameras), for both fronts: test a device, save it with a camera
/// selection and checked folders, test a saved one again, change its selection, remove it, list
/// them. The one place where probing-and-saving a source is written.
///
/// Every call is synchronous and may block on the network or the database: fronts call it on a
/// background queue. Failures are thrown as ``UserFacingError``s (one vi/en sentence, never a
/// password).
///
/// ```swift
/// let sources = SourceService(repository: repo)
/// let tested = try sources.test(name: "nvr_localhost", host: "192.168.1.10", port: 80, user: "admin", password: pw)
/// let validation = try sources.save(tested, selected: ["Front Door"], videoRoot: nil)
/// ```
public struct SourceService: Sendable {
    /// What ``update(name:)`` found and saved.
    public struct Refresh: Sendable {
        /// What the device said now (its password is nil: the saved one was kept).
        public var tested: TestedSource
        /// The saved source and its checked folders.
        public var outcome: SaveConfig.Outcome
        /// Camera keys the device lists now that were not saved before (they are not selected).
        public var added: [String]
        /// Camera keys saved before that the device no longer lists.
        public var missing: [String]
    }

    /// The database.
    public let repository: Repository
    /// How requests to devices are made (timeouts, self-signed TLS).
    public var clientOptions: ClientOptions
    /// How camera folders are created and checked.
    public var validator: PathValidator

    public init(repository: Repository, clientOptions: ClientOptions = ClientOptions(), validator: PathValidator = PathValidator()) {
        self.repository = repository
        self.clientOptions = clientOptions
        self.validator = validator
    }

    // MARK: - Input, checked before any prompt or network traffic

    /// A source name as it is saved (trimmed).
    /// - Throws: `StoreError` when it is empty or not usable as a name.
    public static func checkedName(_ raw: String) throws -> String {
        try StoreWriter.checkedName(raw)
    }

    /// The host and port a typed address names: an IP, a host name, `HOST:PORT`, `[IPv6]:PORT`
    /// or an `http(s)://` URL; `port` (as typed), when given, wins over the one in the address.
    /// The port is the scheme's default (80, 443 for https) when none is given.
    /// - Throws: `SaveConfigError.emptyHost` / `.invalidPort`, or `ONVIFError.invalidAddress`.
    public static func checkedAddress(host: String, port: String?) throws -> (host: String, port: Int) {
        let portNumber = try port.map { try SaveConfigError.port($0) }
        let address = try deviceAddress(host, port: portNumber)
        return (address.host, address.port)
    }

    // MARK: - Devices

    /// Connects to a device, logs in and lists every camera (every channel of an NVR).
    ///
    /// - Parameters:
    ///   - name: the source's name (only used to find its saved password).
    ///   - host: as typed: an IP, a host name, `HOST:PORT`, `[IPv6]:PORT` or an `http(s)://` URL.
    ///   - port: the ONVIF port; nil takes the one in `host` (default 80). Kept as given in the result.
    ///   - user: the ONVIF user; empty for a device without login.
    ///   - password: nil means the one saved for the source `name`.
    /// - Returns: the source ready for ``save(_:selected:videoRoot:)``: what the device said (`device`,
    ///   `cameras`), where it is (`host`, `port`),
    ///   and the password to save (nil: keep the saved one; empty without a user).
    /// - Throws: the device's problem as one sentence (wrong password, port closed, not ONVIF…),
    ///   or `StoreError` when the saved password is asked for and there is none.
    public func test(name: String, host: String, port: Int? = nil, user: String, password: String?) throws -> TestedSource {
        let address = try Self.deviceAddress(host, port: port)
        var credentials: Credentials?
        if !user.isEmpty {
            let secret = try password ?? repository.password(for: try repository.requireSource(named: name))
            credentials = Credentials(user: user, password: secret)
        }
        let result = try ONVIFClient(address: address, credentials: credentials, options: clientOptions).probe()
        return TestedSource(name: name, host: address.host, port: port ?? (address.isDefaultPort ? nil : address.port),
                            username: user, password: user.isEmpty ? "" : password, device: result.device, cameras: result.cameras)
    }

    // MARK: - Saving

    /// Saves a tested source and its selection (upsert by name, the password encrypted when
    /// given) in one transaction, after every selected camera's folder is created and checked.
    /// - Parameter videoRoot: a new video root; nil keeps the configured one.
    /// - Throws: `SaveConfigError.validationFailed` (nothing saved) when a folder is not usable;
    ///   `StoreError.duplicateSource` with `.addOnly` when the name is taken.
    public func save(_ tested: TestedSource, choice: CameraChoice, videoRoot: String? = nil,
                     mode: SaveConfig.Mode = .upsert) throws -> SaveConfig.Outcome {
        try saveConfig.save(tested, choice: choice, videoRoot: videoRoot, mode: mode)
    }

    /// Saves a tested source with these cameras ticked (keys or names), as the terminal app does.
    /// - Returns: the folder check to show; when its `validationStatus` is `.failed`, nothing was saved.
    /// - Throws: what is not about folders (an unknown camera, the database…).
    public func save(_ tested: TestedSource, selected: [String], videoRoot: String?) throws -> PathValidation {
        do {
            return try save(tested, choice: .names(selected), videoRoot: videoRoot).validation
        } catch let SaveConfigError.validationFailed(v) {
            return v
        }
    }

    /// Connects to a saved source again with its saved address, user and password, and saves
    /// what changed (new or missing cameras); its selection is kept.
    public func update(name: String) throws -> Refresh {
        let source = try repository.requireSource(named: name)
        let before = CameraKeys.keys(for: source.config.detectedCameras)
        var tested = try test(name: source.name, host: source.host, port: source.config.port,
                              user: source.config.username, password: nil)
        tested.password = nil
        tested.sourceType = source.sourceType
        let outcome = try save(tested, choice: .keep)
        let after = CameraKeys.keys(for: tested.cameras)
        let known = Set(before), now = Set(after)
        return Refresh(tested: tested, outcome: outcome, added: after.filter { !known.contains($0) },
                       missing: before.filter { !now.contains($0) })
    }

    /// Changes which cameras of a saved source are used (without contacting it); their folders
    /// are created and checked first.
    public func select(name: String, choice: CameraChoice) throws -> SaveConfig.Outcome {
        try saveConfig.select(sourceName: name, choice: choice)
    }

    /// Removes a source and its password, and drops its cameras from the processing settings.
    /// Its folders and videos stay on disk.
    @discardableResult
    public func remove(name: String) throws -> VideoSource {
        try saveConfig.remove(sourceName: name)
    }

    // MARK: - Reading

    /// Every saved source (oldest first) and the processing settings, read together.
    public func list() throws -> (sources: [VideoSource], config: ProcessingConfig) {
        try repository.read { r in (try r.sources(), try r.processingConfig()) }
    }

    /// One saved source and the processing settings.
    /// - Throws: `StoreError.sourceNotFound`.
    public func source(named name: String) throws -> (source: VideoSource, config: ProcessingConfig) {
        try repository.read { r in (try r.requireSource(named: name), try r.processingConfig()) }
    }

    /// The saved source of that name, if there is one.
    public func existing(named name: String) throws -> VideoSource? {
        try repository.source(named: name)
    }

    // MARK: - Helpers

    private var saveConfig: SaveConfig { SaveConfig(repository: repository, validator: validator) }

    private static func deviceAddress(_ host: String, port: Int?) throws -> DeviceAddress {
        let typed = host.trimmingCharacters(in: .whitespaces)
        if typed.isEmpty { throw SaveConfigError.emptyHost }
        var address = try DeviceAddress(parsing: typed)
        if let port { address.port = port }
        return address
    }
}
