import Common

/// Groups media profiles into cameras by video source token — an NVR's channels — never by
/// list order or names (field quirks B4, B5).
enum CameraGrouping {
    /// Media1 and Media2 profiles merged: one entry per token, Media1 first. A Media2 duplicate
    /// fills in what the Media1 one lacks (a codec Media1 cannot name, say).
    static func merge(media1: [MediaProfile], media2: [MediaProfile]) -> [MediaProfile] {
        var out = media1
        var index: [String: Int] = [:]
        for (i, p) in out.enumerated() where index[p.token] == nil { index[p.token] = i }
        for p in media2 {
            if let i = index[p.token] {
                if out[i].codec == "unknown" { out[i].codec = p.codec }
                if out[i].sourceToken == nil { out[i].sourceToken = p.sourceToken }
                if out[i].width == nil { out[i].width = p.width; out[i].height = p.height }
                if out[i].ptzConfigurationToken == nil { out[i].ptzConfigurationToken = p.ptzConfigurationToken }
                continue
            }
            index[p.token] = out.count
            out.append(p)
        }
        return out
    }

    /// Builds one `Camera` per video source.
    /// - Parameters:
    ///   - host: the host the user typed (part of the stable camera id).
    ///   - profiles: merged profiles; those without a source token are left out.
    ///   - sourceOrder: video source tokens in the device's order (channel numbers); sources only
    ///     seen in profiles follow in order of first appearance.
    ///   - streamURIs: profile token → RTSP URI.
    ///   - snapshotURIs: source token → snapshot URI.
    ///   - hasPTZ: the device offers the PTZ service: a camera with a profile that carries a PTZ
    ///     configuration gets the `ptz` capability.
    static func cameras(host: String, profiles: [MediaProfile], sourceOrder: [String], streamURIs: [String: String],
                        snapshotURIs: [String: String], device: DeviceInfo, hasRecordings: Bool, hasPTZ: Bool = false) -> [Camera] {
        var groups: [String: [MediaProfile]] = [:]
        var firstSeen: [String] = []
        for p in profiles {
            guard let src = p.sourceToken else { continue }
            if groups[src] == nil { firstSeen.append(src) }
            groups[src, default: []].append(p)
        }
        var order = sourceOrder.filter { groups[$0] != nil }
        var seen = Set(order)
        for s in firstSeen where !seen.contains(s) { order.append(s); seen.insert(s) }

        // names: the source configuration's name when every channel has its own, else "Channel N"
        let names = order.map { src in groups[src]?.compactMap(\.sourceName).first }
        let distinct = Set(names.compactMap { $0 })
        let useSourceNames = names.allSatisfy { $0 != nil } && distinct.count == names.count

        var cameras: [Camera] = []
        for (i, src) in order.enumerated() {
            let ranked = rank(groups[src] ?? [])
            let main = ranked.first.map { stream($0, streamURIs) }
            let sub = ranked.dropFirst().first.map { stream($0, streamURIs) }
            let channel = i + 1
            let name = useSourceNames ? names[i]! : "Channel \(channel)"
            var caps: [String] = ["video"]
            if snapshotURIs[src] != nil { caps.append("snapshot") }
            if sub != nil { caps.append("sub_stream") }
            if ranked.contains(where: { $0.codec == "H265" }) { caps.append("h265") }
            if hasRecordings { caps.append("recording") }
            if hasPTZ && ranked.contains(where: { $0.ptzConfigurationToken != nil }) { caps.append("ptz") }
            let model = [device.manufacturer, device.model].filter { !$0.isEmpty }.joined(separator: " ")
            let description = model.isEmpty ? "Channel \(channel)" : "\(model) channel \(channel)"
            cameras.append(Camera(
                id: "onvif_\(host)_\(src)", name: name, description: description,
                streamURL: main?.uri ?? "", resolution: main?.resolution ?? "", codec: main?.codec ?? "unknown",
                capabilities: caps, channel: channel, sourceToken: src, mainStream: main, subStream: sub,
                snapshotURL: snapshotURIs[src]))
        }
        return cameras
    }

    /// Main first: the largest picture, then the higher bitrate, then Media1 before Media2.
    static func rank(_ profiles: [MediaProfile]) -> [MediaProfile] {
        profiles.enumerated().sorted { a, b in
            if a.element.area != b.element.area { return a.element.area > b.element.area }
            if (a.element.bitrateKbps ?? 0) != (b.element.bitrateKbps ?? 0) { return (a.element.bitrateKbps ?? 0) > (b.element.bitrateKbps ?? 0) }
            return a.offset < b.offset
        }.map(\.element)
    }

    static func stream(_ p: MediaProfile, _ uris: [String: String]) -> StreamInfo {
        StreamInfo(profileToken: p.token, profileName: p.name, codec: p.codec, width: p.width, height: p.height,
                   fps: p.fps, bitrateKbps: p.bitrateKbps, uri: uris[p.token], media: p.service.rawValue)
    }
}
