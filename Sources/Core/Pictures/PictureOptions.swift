/// How `PictureService` takes pictures: time and size bounds, and the size it keeps.
public struct PictureOptions: Sendable, Equatable {
    /// Seconds for a snapshot (connection, and the whole transfer).
    public var snapshotTimeout: Double
    /// Most bytes of a snapshot.
    public var maxSnapshotBytes: Int
    /// Seconds for a stream's first key frame (connection, requests and waiting).
    public var keyFrameTimeout: Double
    /// Most bytes read from a stream while waiting for its first key frame.
    public var maxKeyFrameBytes: Int
    /// Widest picture kept (wider ones are scaled down, aspect kept).
    public var maxWidth: Int

    /// 5 s, 8 MB, 5 s, 8 MB, 1280 pixels.
    public init(snapshotTimeout: Double = 5, maxSnapshotBytes: Int = 8 * 1024 * 1024, keyFrameTimeout: Double = 5,
                maxKeyFrameBytes: Int = 8 * 1024 * 1024, maxWidth: Int = 1280) {
        self.snapshotTimeout = snapshotTimeout
        self.maxSnapshotBytes = maxSnapshotBytes
        self.keyFrameTimeout = keyFrameTimeout
        self.maxKeyFrameBytes = maxKeyFrameBytes
        self.maxWidth = max(16, maxWidth)
    }
}
