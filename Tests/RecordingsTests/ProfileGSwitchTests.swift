import Common
import Foundation
import ONVIF
import Simulator
import Testing

/// The simulator's Profile G switches, each met by the client with its result or its sentence.
@Suite struct ProfileGSwitchTests {
    @Test func noProfileGGivesTheClearSentence() throws {
        let f = try ProfileGSim { $0.profileG = false }
        let client = f.client()
        let map = try client.services()
        #expect(!map.offers(.search) && !map.offers(.replay) && !map.offers(.recording))
        let e = thrown { try client.requireProfileG() }
        #expect(e as? RecordingsError == .noProfileG(missing: ["Search", "Replay"]))
        let en = (e as? RecordingsError)?.text(.en) ?? ""
        #expect(en.contains("offers no recordings over ONVIF"))
        #expect(en.contains("playback URL template"))
        #expect((e as? RecordingsError)?.text(.vi).contains("không cung cấp bản ghi qua ONVIF") == true)
        #expect(thrown { _ = try client.findRecordings() } as? RecordingsError == .noProfileG(missing: ["Search"]))
        #expect(thrown { _ = try client.replayURI(recordingToken: "x") } as? RecordingsError == .noProfileG(missing: ["Replay"]))
        // the scopes no longer claim Profile G
        #expect(!(try client.probe().device.profiles.contains("G")))
    }

    @Test func zeroRecordingsIsAResultNotAnError() throws {
        let f = try ProfileGSim { $0.recordings.zeroRecordings = true }
        let client = f.client()
        #expect(try client.findRecordings().isEmpty)
        #expect(try client.recordingSummary().numberOfRecordings == 0)
        #expect(try client.recordings().isEmpty)
        #expect(f.searchesEnded == f.searchesStarted)
    }

    @Test func replayURIIsTheRTSPServersReplayPathWithoutCredentials() throws {
        let f = try ProfileGSim()
        let client = f.client()
        for ch in f.sim.model.channels {
            let uri = try client.replayURI(recordingToken: ch.recordingToken)
            #expect(uri == "rtsp://127.0.0.1:\(f.sim.rtspPort)/replay/\(ch.recordingToken)")
            #expect(f.sim.recordings.recording(replayPath: String(uri.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" }))?.token == ch.recordingToken)
            #expect(!uri.contains("admin"))
        }
        #expect(thrown { _ = try client.replayURI(recordingToken: "NOPE") } as? RecordingsError == .recordingNotFound(token: "NOPE"))
        #expect(try client.replaySessionTimeout() == 60)
    }

    @Test func replayURIIsRewrittenBehindNAT() throws {
        let f = try ProfileGSim { $0.advertise = "192.168.1.64:80" }
        let uri = try f.client().replayURI(recordingToken: f.sim.model.channels[1].recordingToken)
        #expect(uri.hasPrefix("rtsp://127.0.0.1:"))
        #expect(uri.hasSuffix("/replay/\(f.sim.model.channels[1].recordingToken)"))
    }

    @Test func unknownRecordingInformationIsNamed() throws {
        let f = try ProfileGSim()
        let e = thrown { _ = try f.client().recordingInformation(token: "NOPE") }
        #expect(e as? RecordingsError == .recordingNotFound(token: "NOPE"))
        #expect((e as? RecordingsError)?.text(.en).contains("no longer has recording “NOPE”") == true)
    }

    @Test func vendorSwitchSetsTheManufacturer() throws {
        let f = try ProfileGSim { $0.vendor = .hikvision }
        #expect(try f.client().deviceInformation().manufacturer == "HIKVISION")
        #expect(PlaybackVendor(manufacturer: "HIKVISION") == .hikvision)
        let d = try ProfileGSim { $0.vendor = .dahua }
        #expect(PlaybackVendor(manufacturer: try d.client().deviceInformation().manufacturer) == .dahua)
    }
}
