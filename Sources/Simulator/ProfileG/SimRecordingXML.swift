import Common
import Foundation
import ONVIF

/// XML pieces the Recording, Search and Replay services share, written from `SimRecordings`.
enum SimRecordingXML {
    static func time(_ d: Date) -> String { UTC.iso(d) }

    /// `tt:RecordingSourceInformation` children: SourceId is the channel's video source token,
    /// which is how clients tie a recording to a camera.
    static func source(_ r: SimRecordings.Recording) -> String {
        let ch = r.channel
        return "<tt:SourceId>\(XMLEscape.text(ch.sourceToken))</tt:SourceId><tt:Name>\(XMLEscape.text(ch.name))</tt:Name>"
            + "<tt:Location>Channel \(ch.number)</tt:Location><tt:Description>\(XMLEscape.text(ch.name)) main stream</tt:Description>"
            + "<tt:Address>http://www.onvif.org/ver10/schema/Profile</tt:Address>"
    }

    /// The body of a `tt:RecordingInformation` (FindRecordings results, GetRecordingInformation).
    static func information(_ r: SimRecordings.Recording, library: SimRecordings, now: Date) -> String {
        let from = time(library.reportedStart), until = time(now)
        var s = "<tt:RecordingToken>\(XMLEscape.text(r.token))</tt:RecordingToken><tt:Source>\(source(r))</tt:Source>"
        s += "<tt:EarliestRecording>\(from)</tt:EarliestRecording><tt:LatestRecording>\(until)</tt:LatestRecording>"
        s += "<tt:Content>\(XMLEscape.text(r.channel.name))</tt:Content>"
        for t in r.tracks {
            s += "<tt:Track><tt:TrackToken>\(t.token)</tt:TrackToken><tt:TrackType>\(t.type.rawValue)</tt:TrackType>"
                + "<tt:Description>\(t.type.rawValue)Track</tt:Description><tt:DataFrom>\(from)</tt:DataFrom><tt:DataTo>\(until)</tt:DataTo></tt:Track>"
        }
        return s + "<tt:RecordingStatus>Recording</tt:RecordingStatus>"
    }

    /// One `tt:Result` of GetEventSearchResults: a `tns1:RecordingHistory/Track/State` event.
    static func trackStateEvent(recording: String, track: String, at: Date, dataPresent: Bool, startState: Bool) -> String {
        let t = time(at)
        return "<tt:RecordingToken>\(XMLEscape.text(recording))</tt:RecordingToken><tt:TrackToken>\(XMLEscape.text(track))</tt:TrackToken>"
            + "<tt:Time>\(t)</tt:Time><tt:Event>"
            + "<wsnt:Topic Dialect=\"http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet\">tns1:RecordingHistory/Track/State</wsnt:Topic>"
            + "<wsnt:Message><tt:Message UtcTime=\"\(t)\" PropertyOperation=\"\(startState ? "Initialized" : "Changed")\">"
            + "<tt:Source><tt:SimpleItem Name=\"RecordingToken\" Value=\"\(XMLEscape.text(recording))\"/>"
            + "<tt:SimpleItem Name=\"Track\" Value=\"\(XMLEscape.text(track))\"/></tt:Source>"
            + "<tt:Data><tt:SimpleItem Name=\"IsDataPresent\" Value=\"\(dataPresent)\"/></tt:Data></tt:Message></wsnt:Message>"
            + "</tt:Event><tt:StartStateEvent>\(startState)</tt:StartStateEvent>"
    }

    static func recordingNotFound(_ token: String) -> SOAPFaultReply {
        SOAPFaultReply.invalidArgument("NoRecording", "The recording token \(token) does not exist")
    }
}
