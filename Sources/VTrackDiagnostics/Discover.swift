import ArgumentParser
import CLISupport
import Common
import Dispatch
import Foundation
import Glibc
import ONVIF

/// `vtrack discover`: WS-Discovery sweep of every interface (and optional hosts), printed as
/// text or JSON.
public struct Discover: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Find ONVIF cameras and NVRs on the local networks (WS-Discovery).",
        discussion: """
            Probes by multicast through every up IPv4 interface (each by its own socket), in three probe \
            forms, twice, and lists every device that answers, merged by endpoint reference. Use --host \
            where multicast is blocked (containers, VLANs).
            """)

    @Option(help: "Seconds to collect answers.")
    var timeout: Double = 3

    @Option(name: .customLong("interface"), help: ArgumentHelp("Probe only through this interface (repeatable).", valueName: "name"))
    var interfaces: [String] = []

    @Option(name: .customLong("host"), help: ArgumentHelp("Also probe this device directly by unicast (repeatable).", valueName: "host[:port]"))
    var hosts: [String] = []

    @Flag(name: .customLong("no-multicast"), help: "Probe only the --host addresses.")
    var noMulticast = false

    @Flag(help: "Print a JSON array of devices.")
    var json = false

    @Flag(help: "Also show types, scopes, probe forms answered and every malformed answer.")
    var verbose = false

    @Flag(help: "After the sweep, keep listening for devices joining (Hello) and leaving (Bye) until Ctrl-C.")
    var watch = false

    @Option(name: .customLong("repeats"), help: ArgumentHelp("Times each probe is sent (benchmarks).", visibility: .hidden))
    var repeats = 2

    @Option(name: .customLong("forms"), help: ArgumentHelp("Probe forms to send, comma-separated: nvt,device,untyped (benchmarks).", visibility: .hidden))
    var forms = "nvt,device,untyped"

    public init() {}

    public func validate() throws {
        if noMulticast, hosts.isEmpty {
            throw ValidationError(Localized(vi: "--no-multicast cần ít nhất một --host.", en: "--no-multicast needs at least one --host.").text())
        }
    }

    public func run() throws {
        try NumberOption.seconds(timeout, option: "--timeout", in: 0.1...120)
        try NumberOption.count(repeats, option: "--repeats", in: 1...5)
        var options = DiscoveryOptions(timeout: timeout, multicast: !noMulticast, interfaces: interfaces, hosts: hosts)
        options.repeats = max(1, min(5, repeats))
        let byName: [String: ProbeForm] = ["nvt": .networkVideoTransmitter, "device": .device, "untyped": .untyped]
        options.forms = forms.split(separator: ",").compactMap { byName[String($0)] }
        if options.forms.isEmpty { options.forms = ProbeForm.allCases }
        let result: DiscoveryResult
        do {
            result = try WSDiscovery.sweep(options)
        } catch {
            FileHandle.standardError.write(Data("vtrack: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            printJSON(result)
            var err = verbose ? result.notes.map { $0.text() + "\n" }.joined() : ""
            if result.devices.isEmpty { err += DiscoveryHint.nothingFound(timeout: timeout).text() + "\n" }
            if !err.isEmpty { FileHandle.standardError.write(Data(err.utf8)) }
        } else {
            writeOut(DiscoverReport.text(result, timeout: timeout, verbose: verbose, lang: Language.current))
        }
        if watch { try watchHelloAndBye() }
    }

    /// Streams Hello/Bye as lines (JSON lines with --json) until SIGINT/SIGTERM.
    private func watchHelloAndBye() throws -> Never {
        let queue = DispatchQueue(label: "vtrack.discover.watch")
        let json = self.json, verbose = self.verbose
        let listener = DiscoveryListener(interfaces: interfaces, events: DiscoveryEventSink(queue: queue) { event in
            if let line = DiscoverReport.eventLine(event, json: json, verbose: verbose, lang: Language.current) {
                writeOut(line + "\n")
            }
        })
        do {
            try listener.start()
        } catch {
            FileHandle.standardError.write(Data("vtrack: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        if !json {
            writeOut(Localized(vi: "Đang nghe Hello/Bye (Ctrl-C để dừng)…", en: "Listening for Hello/Bye (Ctrl-C to stop)…").text() + "\n")
        }
        let signals = SignalWatch(SignalWatch.termination, queue: queue) {
            listener.stop()
            Glibc.exit(0)
        }
        withExtendedLifetime(signals) { dispatchMain() }
    }

    private func printJSON(_ result: DiscoveryResult) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard !result.devices.isEmpty, let data = try? encoder.encode(result.devices) else {
            writeOut("[]\n")
            return
        }
        writeOut(String(decoding: data, as: UTF8.self) + "\n")
    }
}

/// The text listing of `vtrack discover`.
enum DiscoverReport {
    /// One line for a live event (`--watch`), nil for events not shown.
    static func eventLine(_ event: DiscoveryEvent, json: Bool, verbose: Bool, lang: Language) -> String? {
        switch event {
        case .found(let d), .updated(let d):
            let kind: String
            if case .found = event { kind = "hello" } else { kind = "update" }
            if json { return jsonLine(["event": kind], device: d) }
            let mark = kind == "hello" ? "+" : "~"
            return "\(mark) \(d.title)  \(d.xaddr ?? "-")  \(d.endpointReference)"
                + (d.differentSubnet ? Localized(vi: "  [khác mạng con]", en: "  [different subnet]").text(lang) : "")
        case .left(let epr, let last):
            if json { return jsonLine(["event": "bye", "endpointReference": epr], device: nil) }
            return "- \(last?.title ?? epr)  \(epr)"
        case .malformed(let note):
            guard verbose else { return nil }
            if json { return jsonLine(["event": "malformed", "note": note.text(lang)], device: nil) }
            return "! " + note.text(lang)
        case .sweepFinished:
            return nil
        case .sweepFailed(let error), .listenerFailed(let error):
            return json ? jsonLine(["event": "error", "message": error.text(lang)], device: nil) : "! " + error.text(lang)
        }
    }

    private static func jsonLine(_ fields: [String: String], device: DiscoveredDevice?) -> String {
        var object: [String: Any] = fields
        if let d = device, let data = try? JSONEncoder().encode(d), let value = try? JSONSerialization.jsonObject(with: data) {
            object["device"] = value
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func text(_ r: DiscoveryResult, timeout: Double, verbose: Bool, lang: Language) -> String {
        var out = ""
        let secs = String(format: "%.1f", r.duration)
        let probed = r.interfaces.map(\.description).joined(separator: ", ")
        let via = probed.isEmpty ? "" : Localized(vi: " (qua \(probed))", en: " (probed \(probed))").text(lang)
        out += Localized(vi: "Tìm thấy \(r.devices.count) thiết bị trong \(secs) giây\(via).\n",
                         en: "Found \(r.devices.count) device\(r.devices.count == 1 ? "" : "s") in \(secs) s\(via).\n").text(lang)
        if verbose, let last = r.lastNewDeviceAfter {
            out += Localized(vi: "Thiết bị mới cuối cùng trả lời sau \(String(format: "%.3f", last)) giây.\n",
                             en: "Last new device answered after \(String(format: "%.3f", last)) s.\n").text(lang)
        }
        for (i, d) in r.devices.enumerated() {
            out += "\n\(i + 1). \(d.title)"
            if let h = d.hardware, h != d.title { out += " — \(h)" }
            out += "\n"
            func row(_ label: String, _ value: String) { out += "   " + label.padding(toLength: 14, withPad: " ", startingAt: 0) + value + "\n" }
            row("XAddr", d.xaddr ?? Localized(vi: "(không có)", en: "(none)").text(lang))
            let addrs = d.addresses.map(\.description).joined(separator: ", ")
            var addrLine = addrs + (d.interfaces.isEmpty ? "" : Localized(vi: " qua ", en: " on ").text(lang) + d.interfaces.joined(separator: ", "))
            if d.differentSubnet { addrLine += Localized(vi: "  [khác mạng con]", en: "  [different subnet]").text(lang) }
            row(Localized(vi: "Địa chỉ", en: "Address").text(lang), addrLine)
            if !d.profiles.isEmpty { row("Profiles", d.profiles.joined(separator: ", ")) }
            if let l = d.location { row(Localized(vi: "Vị trí", en: "Location").text(lang), l) }
            row("Endpoint", d.endpointReference)
            let others = d.xaddrs.filter { $0 != d.xaddr }
            if !others.isEmpty { row(Localized(vi: "XAddr khác", en: "Other XAddrs").text(lang), others.joined(separator: " ")) }
            if verbose {
                row("Types", d.types.joined(separator: " "))
                row(Localized(vi: "Trả lời", en: "Answered").text(lang), d.answeredForms.map(\.label).joined(separator: ", "))
                row("Scopes", d.scopes.joined(separator: " "))
                if let v = d.metadataVersion { row("Metadata", String(v)) }
            }
        }
        if r.malformedCount > 0 || (verbose && !r.notes.isEmpty) {
            out += "\n" + Localized(vi: "\(r.malformedCount) câu trả lời lỗi (đã bỏ qua phần hỏng).", en: "\(r.malformedCount) malformed answer\(r.malformedCount == 1 ? "" : "s") (the broken parts were skipped).").text(lang)
            out += verbose ? "\n" : Localized(vi: " Thêm --verbose để xem chi tiết.\n", en: " Add --verbose for details.\n").text(lang)
            if verbose { for n in r.notes { out += "  - " + n.text(lang) + "\n" } }
        }
        if verbose, r.ignoredCount > 0 {
            out += Localized(vi: "\(r.ignoredCount) câu trả lời từ thiết bị không phải ONVIF (máy tính, máy in) đã bị bỏ qua.\n",
                             en: "\(r.ignoredCount) answers from non-ONVIF devices (computers, printers) were left out.\n").text(lang)
        }
        if r.devices.isEmpty {
            out += "\n" + DiscoveryHint.nothingFound(timeout: timeout).text(lang) + "\n"
        }
        return out
    }
}

/// Writes to stdout unbuffered (so lines streamed by `--watch` show at once, in order).
private func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
