import ArgumentParser
import Common
import Foundation
import ONVIF

/// `vtrack discover`: WS-Discovery sweep of every interface (and optional hosts), printed as
/// text or JSON.
struct Discover: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    func validate() throws {
        guard timeout >= 0.1, timeout <= 120 else {
            throw ValidationError(Localized(vi: "--timeout phải từ 0.1 đến 120 giây.", en: "--timeout must be between 0.1 and 120 seconds.").text())
        }
        if noMulticast, hosts.isEmpty {
            throw ValidationError(Localized(vi: "--no-multicast cần ít nhất một --host.", en: "--no-multicast needs at least one --host.").text())
        }
    }

    func run() throws {
        var options = DiscoveryOptions(timeout: timeout, multicast: !noMulticast, interfaces: interfaces, hosts: hosts)
        options.repeats = 2
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
            print(DiscoverReport.text(result, timeout: timeout, verbose: verbose, lang: Language.current), terminator: "")
        }
    }

    private func printJSON(_ result: DiscoveryResult) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard !result.devices.isEmpty, let data = try? encoder.encode(result.devices) else {
            print("[]")
            return
        }
        print(String(decoding: data, as: UTF8.self))
    }
}

/// The text listing of `vtrack discover`.
enum DiscoverReport {
    static func text(_ r: DiscoveryResult, timeout: Double, verbose: Bool, lang: Language) -> String {
        func L(_ vi: String, _ en: String) -> String { lang == .vi ? vi : en }
        var out = ""
        let secs = String(format: "%.1f", r.duration)
        let probed = r.interfaces.map(\.description).joined(separator: ", ")
        let via = probed.isEmpty ? "" : L(" (qua \(probed))", " (probed \(probed))")
        out += L("Tìm thấy \(r.devices.count) thiết bị trong \(secs) giây\(via).\n",
                 "Found \(r.devices.count) device\(r.devices.count == 1 ? "" : "s") in \(secs) s\(via).\n")
        for (i, d) in r.devices.enumerated() {
            out += "\n\(i + 1). \(d.title)"
            if let h = d.hardware, h != d.title { out += " — \(h)" }
            out += "\n"
            func row(_ label: String, _ value: String) { out += "   " + label.padding(toLength: 11, withPad: " ", startingAt: 0) + value + "\n" }
            row("XAddr", d.xaddr ?? L("(không có)", "(none)"))
            let addrs = d.addresses.map(\.description).joined(separator: ", ")
            var addrLine = addrs + (d.interfaces.isEmpty ? "" : L(" qua ", " on ") + d.interfaces.joined(separator: ", "))
            if d.differentSubnet { addrLine += L("  [khác mạng con]", "  [different subnet]") }
            row(L("Địa chỉ", "Address"), addrLine)
            if !d.profiles.isEmpty { row("Profiles", d.profiles.joined(separator: ", ")) }
            if let l = d.location { row(L("Vị trí", "Location"), l) }
            row("Endpoint", d.endpointReference)
            let others = d.xaddrs.filter { $0 != d.xaddr }
            if !others.isEmpty { row(L("XAddr khác", "Other XAddrs"), others.joined(separator: " ")) }
            if verbose {
                row("Types", d.types.joined(separator: " "))
                row(L("Trả lời", "Answered"), d.answeredForms.map(\.label).joined(separator: ", "))
                row("Scopes", d.scopes.joined(separator: " "))
                if let v = d.metadataVersion { row("Metadata", String(v)) }
            }
        }
        if r.malformedCount > 0 || (verbose && !r.notes.isEmpty) {
            out += "\n" + L("\(r.malformedCount) câu trả lời lỗi (đã bỏ qua phần hỏng).", "\(r.malformedCount) malformed answer\(r.malformedCount == 1 ? "" : "s") (the broken parts were skipped).")
            out += verbose ? "\n" : L(" Thêm --verbose để xem chi tiết.\n", " Add --verbose for details.\n")
            if verbose { for n in r.notes { out += "  - " + n.text(lang) + "\n" } }
        }
        if verbose, r.ignoredCount > 0 {
            out += L("\(r.ignoredCount) câu trả lời từ thiết bị không phải ONVIF (máy tính, máy in) đã bị bỏ qua.\n",
                     "\(r.ignoredCount) answers from non-ONVIF devices (computers, printers) were left out.\n")
        }
        if r.devices.isEmpty {
            out += "\n" + DiscoveryHint.nothingFound(timeout: timeout).text(lang) + "\n"
        }
        return out
    }
}
