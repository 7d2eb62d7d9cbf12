import ArgumentParser
import Simulator

/// `vtrack-sim` flags for PTZ: which channels pan, tilt and zoom, and which odd device the PTZ
/// service plays (see `SimulatorConfig.ptzChannels` and `SimPTZSwitches`).
struct PTZFlags: ParsableArguments {
    @Option(name: .customLong("ptz"), help: ArgumentHelp("Channels with PTZ (pan, tilt, zoom): all, or numbers like 1,3.", valueName: "channels"))
    var ptz: String?
    @Flag(name: .customLong("ptz-no-service"), help: "Profiles carry a PTZ configuration but the device offers no PTZ service.")
    var noService = false
    @Option(name: .customLong("ptz-no-zoom"), help: ArgumentHelp("PTZ channels whose node has no zoom: all, or numbers like 2.", valueName: "channels"))
    var noZoom: String?
    @Flag(name: .customLong("ptz-undeclared-prefixes"), help: "GetStatus and GetPresets answer with namespace prefixes they never declare.")
    var undeclaredPrefixes = false
    @Flag(name: .customLong("ptz-ignore-timeout"), help: "ContinuousMove ignores its Timeout: only Stop stops the camera.")
    var ignoreTimeout = false
    @Flag(name: .customLong("ptz-no-status"), help: "GetStatus is not implemented (ActionNotSupported).")
    var noStatus = false
    @Option(name: .customLong("ptz-max-presets"), help: "Most presets per PTZ channel.")
    var maxPresets = 32

    func validate() throws {
        if let p = ptz, SimChannelSet(parsing: p) == nil {
            throw ValidationError("--ptz takes all or channel numbers separated by commas (e.g. 1,3).")
        }
        if let p = noZoom, SimChannelSet(parsing: p) == nil {
            throw ValidationError("--ptz-no-zoom takes all or channel numbers separated by commas (e.g. 2).")
        }
        if !(1...1000).contains(maxPresets) { throw ValidationError("--ptz-max-presets must be between 1 and 1000.") }
    }

    /// The channels of a set, for a device with `channels` channels.
    static func numbers(_ text: String?, channels: Int) -> Set<Int> {
        guard let text, let set = SimChannelSet(parsing: text) else { return [] }
        return set.all ? Set(1...max(1, channels)) : set.channels.filter { $0 <= channels }
    }

    func apply(to c: inout SimulatorConfig) {
        c.ptzChannels = Self.numbers(ptz, channels: c.channels)
        c.ptz.noService = noService
        c.ptz.noZoomChannels = Self.numbers(noZoom, channels: c.channels)
        c.ptz.undeclaredPrefixes = undeclaredPrefixes
        c.ptz.ignoresTimeout = ignoreTimeout
        c.ptz.noGetStatus = noStatus
        c.ptz.maxPresets = maxPresets
    }
}
