import Foundation
import Simulator

/// What an RTSP client sends to the simulator's RTSP server (`vtrack demo`): requests framed
/// from a byte stream in any chunking (bodies, interleaved frames from the client, bad heads),
/// then read as a connection does before it acts: login (Basic, Digest in its shapes), path
/// and query, `Require`, `Transport`, `Scale`, the replay `Range`, vendor playback URLs.
///
/// Input: 1 byte login shape, 1 byte chunk size (0 = whole), then the bytes of the connection;
/// `NONCE` in an `Authorization` value is replaced by a nonce the server handed out.
public enum SimRTSPFuzz {
    public static func run(_ data: Data) {
        var input = FuzzInput(data)
        let modes = SimulatorConfig.RTSPAuth.allCases
        let mode = modes[Int(input.byte()) % modes.count]
        let chunk = Int(input.byte())
        let bytes = input.rest()
        _ = SimRequestReading.rtspConnection(bytes, chunk: chunk == 0 ? bytes.count : chunk, auth: mode,
                                             algorithm: chunk & 1 == 1 ? .sha256 : .md5)
    }
}
