import ArgumentParser
import CLISupport
import Common
import Foundation
import ONVIF

/// `vtrack probe HOST[:PORT] --user U [--json]`: connect, log in, list every camera.
public struct Probe: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Connect to an ONVIF camera or NVR and list every camera (channel) with its streams.",
        discussion: """
            The password comes from --password-stdin, VTRACK_PASSWORD, or a prompt (no echo).
            Exit status 0 on success; otherwise one sentence on standard error says what to check.
            """)

    @Argument(help: "Device address: HOST, HOST:PORT, [IPv6]:PORT or an http(s):// URL of the device service.")
    var address: String

    @Option(name: .customLong("user"), help: "ONVIF user name (leave out for devices without login).")
    var user: String?

    @OptionGroup var password: PasswordOptions

    @Flag(help: "Print one JSON object with `device` and `cameras`.")
    var json = false

    @Option(name: .customLong("timeout"), help: "Seconds one request may take.")
    var timeout: Double = 10

    @Flag(name: .customLong("insecure"), help: "Accept any TLS certificate (self-signed devices).")
    var insecure = false

    @OptionGroup var global: GlobalOptions

    public init() {}

    public func run() throws {
        global.apply()
        try NumberOption.seconds(timeout, option: "--timeout")
        do {
            let device = try DeviceAddress(parsing: address)
            let pw = try password.resolve(user: user)
            let credentials = user.map { Credentials(user: $0, password: pw ?? "") }
            var options = ClientOptions()
            options.requestTimeout = timeout
            options.allowInsecureTLS = insecure
            let client = ONVIFClient(address: device, credentials: credentials, options: options)
            let result = try client.probe()
            if json {
                print(try ProbeOutput.json(result))
            } else {
                print(ProbeOutput.text(result, address: device, scheme: client.authenticationScheme), terminator: "")
            }
        } catch let e as any UserFacingError {
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            throw ExitCode(e.isBadInput ? 64 : 1)
        }
    }
}

/// How `probe` prints its result.
enum ProbeOutput {
    /// `{"device": …, "cameras": [ … ]}`, keys sorted, no secrets (URIs never carry credentials).
    static func json(_ r: ProbeResult) throws -> String {
        struct Out: Encodable { let device: DeviceInfo; let cameras: [Camera] }
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(Out(device: r.device, cameras: r.cameras)), as: UTF8.self)
    }

    /// Device lines, then one table row per camera (`TextTable`: columns by display width,
    /// bidirectional and control characters escaped; the device's own words on the lines above
    /// are escaped the same way).
    static func text(_ r: ProbeResult, address: DeviceAddress, scheme: String?) -> String {
        let d = r.device
        let shown = TerminalText.shown
        var out = ""
        let name = [d.manufacturer, d.model].filter { !$0.isEmpty }.joined(separator: " ")
        out += "\(Localized(vi: "Thiết bị", en: "Device").text()): \(name.isEmpty ? "?" : shown(name)) (\(address.authority))\n"
        if !d.firmwareVersion.isEmpty { out += "Firmware: \(shown(d.firmwareVersion))\n" }
        if !d.serialNumber.isEmpty { out += "\(Localized(vi: "Số sê-ri", en: "Serial").text()): \(shown(d.serialNumber))\n" }
        if let n = d.scopeName { out += "\(Localized(vi: "Tên", en: "Name").text()): \(shown(n))\n" }
        if !d.profiles.isEmpty { out += "ONVIF profiles: \(d.profiles.joined(separator: ", "))\n" }
        if let o = d.clockOffsetSeconds { out += "\(Localized(vi: "Lệch đồng hồ", en: "Clock offset").text()): \(String(format: "%+.0f", o)) s\n" }
        if let scheme { out += "\(Localized(vi: "Xác thực", en: "Login").text()): \(scheme)\n" }
        out += "\(Localized(vi: "Camera", en: "Cameras").text()): \(r.cameras.count)\n\n"

        func stream(_ s: StreamInfo?) -> String {
            guard let s else { return "-" }
            return [s.resolution, s.codec].filter { !$0.isEmpty }.joined(separator: " ")
        }
        let header = Localized(vi: "KÊNH|TÊN|CHÍNH|PHỤ|URI CHÍNH|URI PHỤ", en: "CH|NAME|MAIN|SUB|MAIN URI|SUB URI").text()
            .split(separator: "|").map(String.init)
        let rows = r.cameras.map { c in
            [String(c.channel), c.name, stream(c.mainStream), stream(c.subStream), c.mainStream?.uri ?? "-", c.subStream?.uri ?? "-"]
        }
        out += TextTable.render([header] + rows)
        return out
    }
}
