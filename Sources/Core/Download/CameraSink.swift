import Foundation
import Streaming

/// Writes one camera's replayed pictures into MP4 files in its folder, across the covered
/// intervals ("pieces") and the RTSP sessions of each piece:
///
/// - the start of each session is checked with a `StartGate` (nothing before the piece's start or
///   before footage already saved);
/// - the end bound is enforced here, from each picture's wall-clock time (ONVIF 0xABAC time, or
///   RTCP): the first picture at or after the piece's end stops the stream — servers that play
///   past the end (Hikvision) are torn down;
/// - a file is split before a keyframe when its next GOP would take it past `maxFileBytes`
///   (estimated from the largest GOP so far), and at every gap
///   (ONVIF D flag, or a jump of the wall clock of more than `gapThreshold` seconds);
/// - after a reconnect, the same file continues: pictures already written are skipped and RTP
///   timestamps are rebased so the file's timeline stays continuous.
///
/// Not thread-safe: used by the one thread that runs the camera's sessions.
final class CameraSink: MediaSink {
    struct Settings {
        var folder: String
        /// The camera folder's own name (first part of every file name).
        var cameraFolder: String
        var maxFileBytes: Int64
        var gapThreshold: Double = 1.0
    }

    /// What a session ended with, as far as the sink knows.
    enum Ending: Equatable {
        /// Still inside the piece.
        case none
        /// A picture at or past the piece's end arrived (or the T flag): the piece is complete.
        case reachedEnd
        /// The first picture was already past the piece's end: the server ignored `Range`.
        case rangeIgnored(first: Date)
    }

    let settings: Settings
    private let ledger: DownloadLedger
    /// Called after each written picture with the wall-clock position reached and the bytes added.
    var onWrite: ((Date, Int64) -> Void)?

    // piece and session
    private var piece = DateInterval(start: Date(timeIntervalSince1970: 0), duration: 0)
    private var pieceMode = StartGate.Mode.after(Date(timeIntervalSince1970: 0))
    private var gate = StartGate(.after(Date(timeIntervalSince1970: 0)))
    private var sessionStart = Date(timeIntervalSince1970: 0)
    private var sessionOffset: Int64?
    private var anchor: (ts: Int64, wall: Date)?
    private var firstInSession = true
    private(set) var ending: Ending = .none

    // file
    private var writer: MP4FragmentWriter?
    private var fileID: Int64?
    private var fileStart = Date(timeIntervalSince1970: 0)
    private var reportedFileBytes: Int64 = 0
    private var lastWall: Date?
    private var lastOutTS: Int64?
    private(set) var frameDuration = 0.04
    private var gopBytes: Int64 = 0
    private var largestGOP: Int64 = 0

    // results
    private(set) var finished: [MP4FileSummary] = []
    /// Gaps met inside pieces (D flags or time jumps).
    private(set) var discontinuities = 0
    /// Pictures dropped because a file could not start there (no keyframe yet).
    private(set) var droppedWaitingForKeyframe = 0
    /// Pictures that carried no wall-clock time (it was estimated from RTP time).
    private(set) var estimatedTimes = 0

    /// The folder as it was when the run started (the run checked it with `PathValidator`).
    private let folderIdentity: FolderIdentity?

    init(settings: Settings, ledger: DownloadLedger) {
        self.settings = settings
        self.ledger = ledger
        self.folderIdentity = FolderIdentity.of(settings.folder)
    }

    /// Throws unless the folder's path still leads to the folder the run started with.
    private func checkFolder() throws {
        guard let id = folderIdentity else { throw DownloadError.folderMissing(settings.folder) }
        try id.check(settings.folder)
    }

    /// The wall-clock time up to which footage has been written in this piece (the end of the
    /// last picture), nil before the first.
    var position: Date? { lastWall.map { $0.addingTimeInterval(frameDuration) } }

    /// Whether a file is open.
    var isWriting: Bool { writer != nil }

    /// Starts a covered interval: `mode` says whether its start is fresh or follows saved footage.
    func beginPiece(_ piece: DateInterval, mode: StartGate.Mode) {
        self.piece = piece
        pieceMode = mode
        lastWall = nil
        lastOutTS = nil
        ending = .none
        gate = StartGate(mode)
        beginSession(startingAt: piece.start)
    }

    /// Before each RTSP session of the piece; returns where the session's `Range` should start.
    @discardableResult
    func beginSession() -> Date {
        if let last = lastWall {
            // a reconnect: continue after the last picture written
            gate = StartGate(.after(last.addingTimeInterval(frameDuration / 2)))
            beginSession(startingAt: last)
            return last
        }
        // nothing written yet in this piece: start over (pictures held from a broken session
        // carry that session's timestamps)
        gate = StartGate(pieceMode)
        beginSession(startingAt: piece.start)
        return piece.start
    }

    private func beginSession(startingAt start: Date) {
        sessionStart = start
        sessionOffset = nil
        anchor = nil
        firstInSession = true
        ending = .none
    }

    // MARK: MediaSink

    func received(_ input: AccessUnit) throws -> SinkDecision {
        var au = input
        let wall: Date
        if let w = au.wallClock {
            wall = w
        } else {
            if anchor == nil { anchor = (au.timestamp, sessionStart) }
            wall = anchor!.wall.addingTimeInterval(Double(au.timestamp - anchor!.ts) / 90_000)
            au.wallClock = wall
            estimatedTimes += 1
        }
        if firstInSession {
            firstInSession = false
            if input.wallClock != nil, wall >= piece.end.addingTimeInterval(1) {
                ending = .rangeIgnored(first: wall)
                return .stop
            }
        }
        if wall >= piece.end {
            ending = .reachedEnd
            return .stop
        }
        for a in gate.pass(au, at: wall) { try write(a, wall: a.wallClock ?? wall) }
        if au.isLastInRange { ending = .reachedEnd }
        return .continue
    }

    // MARK: Files

    private func write(_ au: AccessUnit, wall: Date) throws {
        if let w = writer, let last = lastWall {
            let expected = last.addingTimeInterval(frameDuration)
            if au.discontinuity || wall.timeIntervalSince(expected) > settings.gapThreshold {
                discontinuities += 1
                try finishFile()
            } else if au.isKeyframe && w.currentFileBytes + max(largestGOP, Int64(au.data.count)) > settings.maxFileBytes {
                // the next GOP would pass the limit (estimated from the largest GOP so far)
                try finishFile()
            } else if !w.canAppend(au) {
                guard au.isKeyframe else { return }
                try finishFile()
            }
        }
        if writer == nil {
            guard au.isKeyframe, let format = VideoTrackFormat(codec: au.codec, parameterSets: au.parameterSets) else {
                droppedWaitingForKeyframe += 1
                return
            }
            try openFile(format, start: wall)
        }
        if sessionOffset == nil {
            if let lastOut = lastOutTS, let last = lastWall {
                sessionOffset = lastOut + Int64((wall.timeIntervalSince(last) * 90_000).rounded()) - au.timestamp
            } else {
                sessionOffset = 0
            }
        }
        var out = au
        out.timestamp = au.timestamp + sessionOffset!
        try writer!.append(out)
        if au.isKeyframe { gopBytes = 0 }
        gopBytes += Int64(au.data.count)
        largestGOP = max(largestGOP, gopBytes)
        if let last = lastWall {
            let d = wall.timeIntervalSince(last)
            if d > 0.001 && d < 1 { frameDuration = d }
        }
        lastWall = wall
        lastOutTS = out.timestamp
        let bytes = writer!.currentFileBytes
        let delta = bytes - reportedFileBytes
        reportedFileBytes = bytes
        onWrite?(wall.addingTimeInterval(frameDuration), delta)
    }

    private func openFile(_ format: VideoTrackFormat, start: Date) throws {
        try checkFolder()
        let path = DownloadFileName.writerPath(folder: settings.folder, cameraFolder: settings.cameraFolder, start: start)
        let id = try ledger.fileOpening(partPath: path + ".part", start: start)
        do {
            writer = try MP4FragmentWriter(path: path, video: format)
        } catch {
            ledger.fileDropped(id)
            throw error
        }
        fileID = id
        fileStart = start
        reportedFileBytes = 0
        lastOutTS = nil
        sessionOffset = nil
    }

    /// Closes the open file: fsync, rename to its final name, ledger. On a write error the part
    /// already written is kept (truncated to its last complete fragment) and the error rethrown.
    /// - Parameter dropIncompleteGOP: end the file at its last complete GOP (a pause: the resume
    ///   then continues exactly at the next keyframe, with no gap and no overlap).
    func finishFile(dropIncompleteGOP: Bool = false) throws {
        guard let w = writer, let id = fileID else { return }
        var end = (lastWall ?? fileStart).addingTimeInterval(frameDuration)
        if dropIncompleteGOP {
            let kept = w.discardIncompleteFragment()
            guard let e = kept.end else {
                // not one complete GOP: nothing to keep
                writer = nil
                fileID = nil
                w.abandon()
                ledger.fileDropped(id)
                lastWall = nil
                return
            }
            end = e
        }
        writer = nil
        fileID = nil
        // The folder's path must still lead to the folder the run started with; if not, the
        // writer is dropped here (its descriptor closes, its .part stays where it was written)
        // and a resume, which checks the folder again, finishes it.
        try checkFolder()
        let target = DownloadFileName.unused(settings.folder + "/"
            + DownloadFileName.final(cameraFolder: settings.cameraFolder, start: fileStart, end: end))
        let summary: MP4FileSummary
        do {
            summary = try w.finish(renamingTo: target)
        } catch {
            try salvage(partPath: w.partPath, id: id)
            throw error
        }
        finished.append(summary)
        try ledger.fileFinished(id, summary)
    }

    /// After a write error: closes the file without deleting it and keeps what it holds.
    func abandonAfterError() {
        guard let id = fileID, let part = writer?.partPath else { return }
        writer = nil  // the writer's deinit closes its descriptor; the .part stays
        fileID = nil
        try? salvage(partPath: part, id: id)
    }

    private func salvage(partPath: String, id: Int64) throws {
        // never truncate or rename by path in a folder that was swapped: the row stays
        // `writing` and a resume (after its folder check) finishes the .part
        guard (try? checkFolder()) != nil else { return }
        let summary: MP4FileSummary?
        do {
            summary = try PartFileRecovery.finish(partPath: partPath, folder: settings.folder, cameraFolder: settings.cameraFolder,
                                                 fallbackStart: fileStart)
        } catch {
            // cannot rename here now (read-only folder): the row stays `writing`; --resume finishes it
            return
        }
        if let s = summary {
            finished.append(s)
            try ledger.fileFinished(id, s)
        } else {
            ledger.fileDropped(id)
        }
    }
}
