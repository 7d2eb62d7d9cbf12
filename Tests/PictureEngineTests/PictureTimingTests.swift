import Core
import Foundation
import Testing
import TestSupport

/// How long one take is against the in-process simulator (printed for the record, never
/// asserted: the machine is shared). Each take must still give the picture from where expected.
@Suite struct PictureTimingTests {
    @Test func snapshotAndKeyFrameTakes() throws {
        let s = try PictureSim { $0.channels = 2; $0.noSnapshotURI = [2] }
        let targets = try s.targets()
        let service = PictureService()
        _ = try service.take(targets[0]) // the login is learnt once per device
        let clock = ContinuousClock()
        var snapshot: [Duration] = [], keyFrame: [Duration] = []
        for _ in 0..<10 {
            var p: CameraPicture?
            snapshot.append(try clock.measure { p = try service.take(targets[0]) })
            #expect(p?.origin == .snapshot)
        }
        for _ in 0..<5 {
            var p: CameraPicture?
            keyFrame.append(try clock.measure { p = try service.take(targets[1]) })
            #expect(p?.origin == .keyFrame)
        }
        func ms(_ d: [Duration]) -> String {
            let v = d.map { Double($0.components.seconds) * 1000 + Double($0.components.attoseconds) / 1e15 }.sorted()
            return String(format: "median %.1f ms, min %.1f ms, max %.1f ms", v[v.count / 2], v.first!, v.last!)
        }
        print("PictureTiming snapshot take (fetch+decode, 640x360 JPEG): \(ms(snapshot))")
        print("PictureTiming key-frame take (RTSP+decode+JPEG encode, 640x360 H.265): \(ms(keyFrame))")
    }
}
