import ArgumentParser
import Simulator

/// `vtrack-sim` flags for the snapshot URIs (`/onvif/snapshot/<token>.jpg`): their login, their
/// faults, the channels without one and the picture size (see `SimulatorConfig.snapshotAuth`…).
struct SnapshotFlags: ParsableArguments {
    @Option(name: .customLong("snapshot-auth"),
            help: "Snapshot login: device (as --auth; HTTP Digest when the device uses WS-Security), none, basic, digest.")
    var snapshotAuth: String = "device"
    @Option(name: .customLong("snapshot-fault"),
            help: "Snapshot fault: 404, html (200 with a login page), stall (never answers), oversize (12 MB picture), wrong-host (GetSnapshotUri names 192.0.2.1).")
    var snapshotFault: String?
    @Option(name: .customLong("no-snapshot-uri"),
            help: "Channels whose GetSnapshotUri fails (no URI; take a key frame instead): all, or numbers like 1,3.")
    var noSnapshotURI: String?
    @Option(name: .customLong("snapshot-size"), help: "Snapshot size: sub (640x360, default) or main (1920x1080).")
    var snapshotSize: String = "sub"

    func validate() throws {
        guard SnapshotAuth(rawValue: snapshotAuth) != nil else {
            throw ValidationError("--snapshot-auth must be one of: \(SnapshotAuth.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let f = snapshotFault, SnapshotFault(rawValue: f) == nil {
            throw ValidationError("--snapshot-fault must be one of: \(SnapshotFault.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let n = noSnapshotURI, SimChannelSet(parsing: n) == nil {
            throw ValidationError("--no-snapshot-uri takes all or channel numbers separated by commas (e.g. 1,3).")
        }
        guard SnapshotSize(rawValue: snapshotSize) != nil else {
            throw ValidationError("--snapshot-size must be one of: \(SnapshotSize.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func apply(to c: inout SimulatorConfig) {
        c.snapshotAuth = SnapshotAuth(rawValue: snapshotAuth) ?? .device
        c.snapshotFault = snapshotFault.flatMap(SnapshotFault.init(rawValue:))
        c.noSnapshotURI = noSnapshotURI.flatMap(SimChannelSet.init(parsing:)) ?? []
        c.snapshotSize = SnapshotSize(rawValue: snapshotSize) ?? .sub
    }
}
