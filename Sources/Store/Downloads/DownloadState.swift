/// Where a download job, or one camera of it, stands. Stored as its raw value in
/// `download_job.state` and `download_camera.state`.
public enum DownloadState: String, Sendable, Codable, CaseIterable {
    /// Waiting for its turn (a free parallel slot or replay session).
    case queued
    /// Downloading now.
    case running
    /// Waiting before reconnecting after a dropped link or a busy device.
    case retrying
    /// Stopped on purpose (pause, Ctrl-C) or by a problem the user must fix (disk full,
    /// folder not writable); `--resume` continues it.
    case paused
    /// Everything covered was downloaded.
    case done
    /// Stopped for good by an error (the reason says why); `--resume` tries again.
    case failed
    /// Stopped by the user; files downloaded so far stay.
    case cancelled

    /// True for states that never change by themselves: done, failed, cancelled.
    public var isFinal: Bool { self == .done || self == .failed || self == .cancelled }

    /// True when `--resume` has something to do: every state but done and cancelled.
    public var isResumable: Bool { self != .done && self != .cancelled }
}

/// The state of one file of a download: being written (`NAME.part`) or finished (renamed).
public enum DownloadFileState: String, Sendable, Codable {
    /// Bytes are going into the `.part` file named in `path`.
    case writing
    /// Closed, fsync'd and renamed to its final name.
    case done
}
