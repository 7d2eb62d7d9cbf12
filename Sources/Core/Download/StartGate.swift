import Foundation
import Streaming

/// Decides where writing starts in a replayed stream, from the pictures' wall-clock times:
///
/// - `.fresh(start)`: the start of a covered interval. The file begins with the keyframe at or
///   before `start` (as ONVIF replay servers start), even when the server sends earlier footage
///   (a vendor URL that plays from the first recording): earlier GOPs are dropped, and only the
///   one GOP before `start` is held in memory.
/// - `.after(time)`: continuing after footage already saved (a resume or a reconnect). Pictures
///   before `time` are dropped; the rest pass.
///
/// Holds at most one GOP (bounded by `maxHeldBytes`).
struct StartGate {
    enum Mode: Equatable {
        case fresh(Date)
        case after(Date)
    }

    let mode: Mode
    private(set) var isOpen = false
    private var held: [AccessUnit] = []
    private var heldBytes = 0
    let maxHeldBytes: Int
    /// Pictures dropped before the start.
    private(set) var dropped = 0

    init(_ mode: Mode, maxHeldBytes: Int = 64 * 1024 * 1024) {
        self.mode = mode
        self.maxHeldBytes = maxHeldBytes
    }

    /// The pictures to write now (in order), given the next picture and its wall-clock time.
    mutating func pass(_ au: AccessUnit, at wall: Date) -> [AccessUnit] {
        if isOpen { return [au] }
        switch mode {
        case .after(let t):
            if wall < t {
                dropped += 1
                return []
            }
            isOpen = true
            return [au]
        case .fresh(let start):
            if wall < start {
                if au.isKeyframe {
                    dropped += held.count
                    held = [au]
                    heldBytes = au.data.count
                } else if !held.isEmpty, heldBytes + au.data.count <= maxHeldBytes {
                    held.append(au)
                    heldBytes += au.data.count
                } else {
                    dropped += 1
                }
                return []
            }
            isOpen = true
            defer { held = []; heldBytes = 0 }
            if au.isKeyframe {
                dropped += held.count
                return [au]
            }
            return held + [au]
        }
    }
}
