import Foundation

/// What footage a recording has, and when: the RTSP server's replay follows it (a gap makes
/// the next picture carry the ONVIF D flag). Profile G plugs its own timeline with gaps in.
public protocol FootageTimeline: Sendable {
    /// The intervals with footage of `recordingToken` that overlap `from..<to`, ordered and
    /// clipped to it. Empty when the recording is unknown or has nothing there.
    func footage(recordingToken: String, from: Date, to: Date) -> [DateInterval]
    /// The whole span of the recording (first to last footage), nil when unknown.
    func span(recordingToken: String) -> DateInterval?
}

/// Footage without gaps for every recording token of the model, from `days` days before the
/// moment of asking until that moment.
public struct ContinuousFootage: FootageTimeline {
    public let tokens: Set<String>
    public let days: Int

    public init(model: NVRModel, days: Int) {
        tokens = Set(model.channels.map(\.recordingToken))
        self.days = max(days, 1)
    }

    public func span(recordingToken: String) -> DateInterval? {
        guard tokens.contains(recordingToken) else { return nil }
        let now = Date()
        return DateInterval(start: now.addingTimeInterval(-Double(days) * 86_400), end: now)
    }

    public func footage(recordingToken: String, from: Date, to: Date) -> [DateInterval] {
        guard let s = span(recordingToken: recordingToken) else { return [] }
        let a = max(s.start, from), b = min(s.end, to)
        return a < b ? [DateInterval(start: a, end: b)] : []
    }
}
