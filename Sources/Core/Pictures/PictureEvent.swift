import Common

/// What `PictureService.load` reports, per camera key.
public enum PictureEvent: Sendable {
    case loading(key: String)
    case loaded(key: String, CameraPicture)
    /// One sentence: "no picture: the device refused the snapshot login", …
    case failed(key: String, Localized)

    /// The camera key the event is about.
    public var key: String {
        switch self {
        case .loading(let k), .loaded(let k, _), .failed(let k, _): return k
        }
    }
}
