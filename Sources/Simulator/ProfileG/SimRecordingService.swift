import ONVIF

/// The Recording service (`/onvif/recording_service`): GetRecordings lists one recording per
/// channel, its source (the channel's video source token) and its tracks.
enum SimRecordingService {
    static let path = "/onvif/recording_service"

    static func make(library: SimRecordings) -> SimSOAPService {
        SimSOAPService(
            path: path, service: .recording, version: (2, 42),
            capability: SimCapability(name: "Recording", inExtension: true,
                                      extra: "<tt:ReceiverSource>false</tt:ReceiverSource><tt:MediaProfileSource>true</tt:MediaProfileSource><tt:DynamicRecordings>false</tt:DynamicRecordings><tt:DynamicTracks>false</tt:DynamicTracks><tt:MaxStringLength>64</tt:MaxStringLength>"),
            operations: [
                "GetServiceCapabilities": { _ in
                    "<trc:GetServiceCapabilitiesResponse><trc:Capabilities DynamicRecordings=\"false\" DynamicTracks=\"false\" Encoding=\"H264 H265\" MaxRecordings=\"\(max(1, library.recordings.count))\" MaxRecordingJobs=\"\(max(1, library.recordings.count))\" Options=\"true\"/></trc:GetServiceCapabilitiesResponse>"
                },
                "GetRecordings": { _ in recordings(library) },
            ])
    }

    static func recordings(_ library: SimRecordings) -> String {
        var body = ""
        for r in library.recordings {
            body += "<trc:RecordingItem><tt:RecordingToken>\(XMLEscape.text(r.token))</tt:RecordingToken><tt:Configuration>"
                + "<tt:Source>\(SimRecordingXML.source(r))</tt:Source><tt:Content>\(XMLEscape.text(r.channel.name))</tt:Content>"
                + "<tt:MaximumRetentionTime>PT0S</tt:MaximumRetentionTime></tt:Configuration><tt:Tracks>"
            for t in r.tracks {
                body += "<tt:Track><tt:TrackToken>\(t.token)</tt:TrackToken><tt:Configuration><tt:TrackType>\(t.type.rawValue)</tt:TrackType>"
                    + "<tt:Description>\(t.type.rawValue)Track</tt:Description></tt:Configuration></tt:Track>"
            }
            body += "</tt:Tracks></trc:RecordingItem>"
        }
        return "<trc:GetRecordingsResponse>\(body)</trc:GetRecordingsResponse>"
    }
}
