import ArgumentParser
import Common
import Foundation
import ONVIF

/// `vtrack probe HOST[:PORT] --user U [--json]`: connect, log in, list every camera.
struct Probe: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    func run() throws {
        global.apply()
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
            throw ExitCode(1)
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

    /// Device lines, then one table row per camera.
    static func text(_ r: ProbeResult, address: DeviceAddress, scheme: String?) -> String {
        let vi = Language.current == .vi
        let d = r.device
        var out = ""
        let name = [d.manufacturer, d.model].filter { !$0.isEmpty }.joined(separator: " ")
        out += "\(vi ? "Thiết bị" : "Device"): \(name.isEmpty ? "?" : name) (\(address.authority))\n"
        if !d.firmwareVersion.isEmpty { out += "Firmware: \(d.firmwareVersion)\n" }
        if !d.serialNumber.isEmpty { out += "\(vi ? "Số sê-ri" : "Serial"): \(d.serialNumber)\n" }
        if let n = d.scopeName { out += "\(vi ? "Tên" : "Name"): \(n)\n" }
        if !d.profiles.isEmpty { out += "ONVIF profiles: \(d.profiles.joined(separator: ", "))\n" }
        if let o = d.clockOffsetSeconds { out += "\(vi ? "Lệch đồng hồ" : "Clock offset"): \(String(format: "%+.0f", o)) s\n" }
        if let scheme { out += "\(vi ? "Xác thực" : "Login"): \(scheme)\n" }
        out += "\(vi ? "Camera" : "Cameras"): \(r.cameras.count)\n\n"

        func stream(_ s: StreamInfo?) -> String {
            guard let s else { return "-" }
            return [s.resolution, s.codec].filter { !$0.isEmpty }.joined(separator: " ")
        }
        let header = vi ? ["KÊNH", "TÊN", "CHÍNH", "PHỤ", "URI CHÍNH", "URI PHỤ"] : ["CH", "NAME", "MAIN", "SUB", "MAIN URI", "SUB URI"]
        let rows = r.cameras.map { c in
            [String(c.channel), c.name, stream(c.mainStream), stream(c.subStream), c.mainStream?.uri ?? "-", c.subStream?.uri ?? "-"]
        }
        out += table([header] + rows)
        return out
    }

    /// Left-aligned columns separated by two spaces (widths in characters).
    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = Array(repeating: 0, count: first.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count) }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
