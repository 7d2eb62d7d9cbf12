import Core
import Foundation
import Simulator
import Store
import Streaming
import Testing
import TUI

/// What the fixes of fuzz crashes must keep doing right, beyond not trapping.
@Suite struct FixedCrashTests {
    /// Fuzz/crashes/rtsp/folded-header-after-duplicate-name.bin: a folded line used to rebuild the
    /// field with `set`, which dropped an earlier field of the same name and moved this one.
    @Test func aFoldedHeaderLineContinuesItsOwnFieldInPlace() throws {
        let head = "RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: Basic realm=\"a\"\r\n"
            + "WWW-Authenticate: Digest realm=\"b\",\r\n nonce=\"n\"\r\nServer: x\r\n folded\r\n"
        let m = try #require(WireReading.rtspHead(head))
        #expect(m.headers.all("WWW-Authenticate") == ["Basic realm=\"a\"", "Digest realm=\"b\", nonce=\"n\""])
        #expect(m.headers["Server"] == "x folded")
        #expect(m.cseq == 2)
    }

    /// Fuzz/crashes/cli/default-days-int-max.txt: without `--from`, the range reached back
    /// `default_days` days, any number a database holds; 10^14 days or more made an instant
    /// that trapped when the "before 2000" sentence wrote it down.
    @Test func aHugeDefaultDaysIsRefusedAsTooEarlyNotATrap() {
        let now = Date(timeIntervalSince1970: 1_795_577_400)
        for days in [Int.max, 100_000_000_000_000, 100_001] {
            #expect(throws: UserTimeError.self) { try UserTime.range(from: nil, to: nil, defaultDays: days, now: now) }
        }
        #expect((try? UserTime.range(from: nil, to: nil, defaultDays: 7, now: now))?.duration == 7 * 86_400)
    }

    /// Fuzz/crashes/keys/prepend-mark-then-letter-cursor-past-end.bin: the terminal hands over
    /// one code point at a time; one that joins its neighbour (U+0600 the next letter, a
    /// combining mark of decomposed Vietnamese the previous one) used to move the cursor past the
    /// end of the text, and the next key trapped.
    @Test func codePointsThatJoinTheirNeighbourKeepTheCursorInTheText() {
        var field = TextField()
        for scalar in ["C", "o", "\u{302}", "\u{309}", "n", "g"] as [Unicode.Scalar] { field.handle(.char(Character(scalar))) }
        #expect(field.text == "Co\u{302}\u{309}ng")
        #expect(field.text.count == 4 && field.cursor == 4)
        field.handle(.backspace)
        field.handle(.left)
        field.handle(.char("x"))
        #expect(field.text == "Co\u{302}\u{309}xn")

        var prepended = TextField()
        for scalar in ["\u{100}", "\u{600}", "\u{1400}", "\u{1A00}"] as [Unicode.Scalar] { prepended.handle(.char(Character(scalar))) }
        #expect(prepended.cursor == prepended.text.count)
        prepended.handle(.delete)
        prepended.handle(.char("z"))
        #expect(prepended.text.hasSuffix("z"))
    }

    /// Fuzz/crashes/simrtsp/trickled-head-searched-again-on-every-byte.bin: the simulator's RTSP
    /// connection searched its whole buffer for the end of a head on every read, so a client
    /// sending one byte at a time cost the (single) event loop the square of the head's length.
    /// Each byte is now searched about once; a head or body past 64 KiB closes the connection.
    @Test func aTricklingRTSPClientCostsTheSimulatorEachByteOnce() throws {
        let head = Array("OPTIONS rtsp://127.0.0.1/live/ch01/main RTSP/1.0\r\nCSeq: 1\r\n".utf8)
            + Array(repeating: UInt8(ascii: "x"), count: 20_000) + Array("\r\n\r\n".utf8)
        let lines = SimRequestReading.rtspConnection(head, chunk: 1, auth: .none)
        #expect(lines.first?.hasPrefix("OPTIONS 1 ") == true, "\(lines)")
        let searched = try #require(lines.last.flatMap { Int($0.split(separator: " ").last ?? "") })
        #expect(searched < 4 * head.count, "searched \(searched) bytes for a head of \(head.count)")

        let endless = Array("OPTIONS * RTSP/1.0\r\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 70_000)
        #expect(SimRequestReading.rtspConnection(endless, chunk: 4096, auth: .none).contains("closed"))
        let hugeBody = Array("SET_PARAMETER * RTSP/1.0\r\nCSeq: 2\r\nContent-Length: 100000\r\n\r\n".utf8)
        #expect(SimRequestReading.rtspConnection(hugeBody, chunk: 0, auth: .none).contains("closed"))
    }

    /// Fuzz/crashes/store/*: a number no `Int` can hold where the store reads a whole number —
    /// `processing_config.default_days` as the real 1e300 or the text `9.3e18`, `{"parallel":
    /// 1e300}` in a job's options — trapped every command that read the row. Such a value now
    /// reads as missing (the default); reals are still cut toward zero.
    @Test func aNumberNoIntCanHoldReadsAsMissing() {
        func config(_ days: StoredValue) -> ProcessingConfig {
            var row: [String: StoredValue] = [:]
            for name in ["video_root", "output_path", "max_packing_time", "video_buffer", "run_mode", "selected_cameras", "frame_rate",
                         "camera_paths"] { row[name] = .null }
            row["default_days"] = days
            row["frame_interval"] = .text(" 9.3e18 ")
            row["min_packing_time"] = .real(12.9)
            row["id"] = .integer(1)
            row["db_path"] = .text("/data/vtrack.db")
            return StoreReading.processingConfig(row, databaseFile: "/data/vtrack.db")
        }
        #expect(config(.real(1e300)).defaultDays == 30)
        #expect(config(.text("1e300")).defaultDays == 30)
        #expect(config(.real(-1e19)).defaultDays == 30)
        #expect(config(.real(45.9)).defaultDays == 45)
        #expect(config(.real(45.9)).frameInterval == 5)
        #expect(config(.real(45.9)).minPackingTime == 12)
        func job(_ options: String) -> DownloadJobRecord {
            StoreReading.downloadJob(["id": .integer(1), "source_id": .integer(1), "options": .text(options), "range_start": .null,
                                      "range_end": .null, "cameras": .null, "source_name": .null, "format": .null,
                                      "max_file_size_mb": .integer(500), "state": .null, "reason": .null, "created_at": .null,
                                      "updated_at": .null, "finished_at": .null])
        }
        #expect(job(#"{"parallel":1e300}"#).parallel == nil)
        #expect(job(#"{"parallel":2.5}"#).parallel == nil)
        #expect(job(#"{"parallel":3}"#).parallel == 3)
    }
}
