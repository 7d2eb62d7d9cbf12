/// A running live view (`PictureService.startLive`): frames keep coming until `stop()`.
public protocol LiveView: AnyObject, Sendable {
    /// The front has drawn the last frame and can take the next one (frames arriving before
    /// that are dropped, never queued: a slow terminal link is never flooded).
    func ready()
    func stop()
}
