import Common
import Core
import Foundation
import ONVIF
import Simulator
import Store
import Testing

/// Vendor playback URLs (Hikvision, Dahua) and user templates: pure builders, and the simulator
/// reading back what they build.
@Suite struct PlaybackURLTests {
    let start = UTC.parse("2024-01-15T08:30:05Z")!
    let end = UTC.parse("2024-01-15T10:00:00Z")!

    @Test func hikvision() {
        let r = PlaybackRequest(host: "192.168.1.64", port: 554, channel: 3, start: start, end: end)
        #expect(PlaybackURL.hikvision(r) == "rtsp://192.168.1.64:554/Streaming/tracks/301?starttime=20240115T083005Z&endtime=20240115T100000Z")
        var sub = r
        sub.subStream = true
        sub.channel = 12
        #expect(PlaybackURL.hikvision(sub) == "rtsp://192.168.1.64:554/Streaming/tracks/1202?starttime=20240115T083005Z&endtime=20240115T100000Z")
    }

    @Test func dahua() {
        let r = PlaybackRequest(host: "fe80::1", port: 8554, channel: 2, start: start, end: end)
        #expect(PlaybackURL.dahua(r) == "rtsp://[fe80::1]:8554/cam/playback?channel=2&subtype=0&starttime=2024_01_15_08_30_05&endtime=2024_01_15_10_00_00")
    }

    @Test func vendorsFromManufacturerNames() {
        #expect(PlaybackVendor(manufacturer: "Hikvision Digital Technology Co., Ltd") == .hikvision)
        #expect(PlaybackVendor(manufacturer: "HIKVISION") == .hikvision)
        #expect(PlaybackVendor(manufacturer: "Dahua Technology") == .dahua)
        #expect(PlaybackVendor(manufacturer: "AXIS") == nil)
        #expect(PlaybackVendor(manufacturer: "") == nil)
    }

    @Test func templates() throws {
        let r = PlaybackRequest(host: "10.0.0.5", port: 10554, channel: 4, subStream: true, sourceToken: "VS 4&x", start: start, end: end)
        #expect(try PlaybackURLTemplate("rtsp://{host}:{port}/Streaming/tracks/{channel}01?starttime={start}&endtime={end}").url(r)
            == "rtsp://10.0.0.5:10554/Streaming/tracks/401?starttime=20240115T083005Z&endtime=20240115T100000Z")
        #expect(try PlaybackURLTemplate("/playback/ch{channel:2}/{subtype}?from={start:yyyy-MM-dd_HH.mm.ss}&to={end:unix}").url(r)
            == "rtsp://10.0.0.5:10554/playback/ch04/1?from=2024-01-15_08.30.05&to=1705312800")
        #expect(try PlaybackURLTemplate("rtsp://{host}/rec?src={source}&t={start:iso}").url(r) == "rtsp://10.0.0.5/rec?src=VS%204%26x&t=2024-01-15T08:30:05Z")
        #expect(throws: PlaybackTemplateError.unknownPlaceholder(template: "rtsp://{host}/{camera}", placeholder: "camera")) {
            try PlaybackURLTemplate("rtsp://{host}/{camera}")
        }
        #expect(throws: PlaybackTemplateError.unclosed(template: "rtsp://{host}/{channel")) { try PlaybackURLTemplate("rtsp://{host}/{channel") }
        #expect(throws: PlaybackTemplateError.notRTSP(template: "http://x/{channel}")) { try PlaybackURLTemplate("http://x/{channel}") }
        #expect(throws: PlaybackTemplateError.self) { try PlaybackURLTemplate("/x?{start:nothing}") }
        let e = PlaybackTemplateError.unknownPlaceholder(template: "t", placeholder: "p")
        #expect(e.text(.en).contains("{channel}") && e.text(.vi).contains("chỗ giữ chỗ"))
    }

    @Test func theSimulatorReadsBackWhatTheBuildersMake() {
        let r = PlaybackRequest(host: "127.0.0.1", port: 554, channel: 2, start: start, end: end)
        let hik = SimVendorPlayback.parse(PlaybackURL.hikvision(r), vendor: .hikvision)
        #expect(hik == SimVendorPlayback(vendor: .hikvision, channel: 2, subStream: false, start: start, end: end))
        #expect(hik?.stopsAtEnd == false) // Hikvision streams run past endtime
        let dahua = SimVendorPlayback.parse(PlaybackURL.dahua(r), vendor: .dahua)
        #expect(dahua == SimVendorPlayback(vendor: .dahua, channel: 2, subStream: false, start: start, end: end))
        #expect(dahua?.stopsAtEnd == true)
        #expect(SimVendorPlayback.parse("/ISAPI/Streaming/tracks/102?starttime=20240115T083005Z", vendor: .hikvision)?.subStream == true)
        #expect(SimVendorPlayback.parse(PlaybackURL.dahua(r), vendor: .hikvision) == nil)
        #expect(SimVendorPlayback.parse("/cam/playback?channel=1&starttime=2024_13_99", vendor: .dahua) == nil)
    }

    /// The channel number in a fallback URL leads the simulator to the same camera's recording.
    @Test func fallbackChannelsLeadToTheCamerasRecording() throws {
        for vendor in SimVendor.allCases {
            let f = try ProfileGSim { $0.vendor = vendor; $0.channels = 5 }
            let client = f.client()
            let probe = try client.probe()
            let device = probe.device
            let source = VideoSource(id: 1, name: "nvr", path: "127.0.0.1",
                                     config: SourceConfig(url: "127.0.0.1", port: f.sim.httpPort, detectedCameras: probe.cameras, device: device))
            let fallback = try #require(try PlaybackFallback.forSource(source, device: device))
            #expect(fallback.name == vendor.rawValue)
            for camera in probe.cameras {
                let url = fallback.url(camera: camera, interval: DateInterval(start: start, end: end))
                #expect(url.hasPrefix("rtsp://127.0.0.1:\(f.sim.rtspPort)/"))
                let parsed = try #require(SimVendorPlayback.parse(url, vendor: vendor))
                #expect(f.sim.recordings.recording(vendorChannel: parsed.channel)?.channel.sourceToken == camera.sourceToken)
                #expect(parsed.start == start && parsed.end == end)
            }
        }
    }

    @Test func aSavedTemplateWinsOverTheManufacturer() throws {
        var config = SourceConfig(url: "10.1.1.1", device: DeviceInfo(manufacturer: "HIKVISION"))
        config.extras[PlaybackFallback.configKey] = .string("/rec/{channel}?s={start}")
        let source = VideoSource(id: 1, name: "x", path: "10.1.1.1", config: config)
        let f = try #require(try PlaybackFallback.forSource(source, device: nil))
        #expect(f.name == "template")
        let cam = Camera(id: "c", name: "c", streamURL: "rtsp://10.1.1.1:8554/live", channel: 7)
        #expect(f.url(camera: cam, interval: DateInterval(start: start, end: end)) == "rtsp://10.1.1.1:8554/rec/7?s=20240115T083005Z")
        // a command-line template wins over the saved one
        let g = try #require(try PlaybackFallback.forSource(source, device: nil, template: "rtsp://{host}/x{channel}"))
        #expect(g.url(camera: cam, interval: DateInterval(start: start, end: end)) == "rtsp://10.1.1.1/x7")
    }
}
