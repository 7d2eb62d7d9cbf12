import Core
import Dispatch
import Foundation
import Testing
import TestSupport
import ONVIF
@testable import Simulator

/// `Core.DiscoveryService`, the front's entry point: sweep in the background, then Hello/Bye.
@Suite(.enabled(if: NetworkNamespace.available, Comment(rawValue: NetworkNamespace.skipReason)))
struct DiscoveryServiceTests {
    @Test func sweepThenLiveHelloAndBye() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        let first = try net.lan1.run {
            let r = DiscoveryResponder(adverts: DiscoveryAdvert.fleet(count: 2, host: "10.77.1.2", seed: "svc-1"))
            try r.start()
            return r
        }
        defer { first.stop() }
        let events = EventRecorder()
        let ui = DispatchQueue(label: "test.ui")
        // the service's sockets must live in the client namespace: create and start it there
        let service = try net.client.run { () -> Core.DiscoveryService in
            let s = Core.DiscoveryService(options: DiscoveryOptions(timeout: 0.8), queue: ui) { e in events.sink.send(e) }
            return s
        }
        defer { service.stop() }
        try net.client.run { service.sweep() }
        let swept = events.wait { $0.contains { if case .sweepFinished = $0 { true } else { false } } }
        guard case .sweepFinished(let result)? = swept.last(where: { if case .sweepFinished = $0 { true } else { false } }) else {
            Issue.record("no sweepFinished: \(swept)")
            return
        }
        #expect(result.devices.count == 2)
        #expect(swept.filter { if case .found = $0 { true } else { false } }.count == 2)

        // a device that joins later says Hello, and Bye when it leaves
        let late = try net.lan2.run {
            let r = DiscoveryResponder(adverts: DiscoveryAdvert.fleet(count: 1, host: "10.77.2.2", seed: "svc-late", namePrefix: "Late"),
                                       settings: .init(helloAndBye: true))
            try r.start()
            return r
        }
        let hello = events.wait { $0.contains { if case .found(let d) = $0 { d.name == "Late 01" } else { false } } }
        #expect(hello.contains { if case .found(let d) = $0 { d.name == "Late 01" && d.interfaces == ["vc2"] } else { false } })
        late.stop()
        let bye = events.wait { $0.contains { if case .left = $0 { true } else { false } } }
        #expect(bye.contains { if case .left(let epr, _) = $0 { epr == late.adverts[0].endpointReference } else { false } })
    }
}

@Suite struct DiscoveryServiceErrorTests {
    @Test func failuresArriveAsEvents() {
        let events = EventRecorder()
        let service = Core.DiscoveryService(options: DiscoveryOptions(timeout: 0.2, interfaces: ["vtrack-no-such-if"]),
                                            queue: DispatchQueue(label: "test.ui")) { e in events.sink.send(e) }
        defer { service.stop() }
        service.sweep()
        let seen = events.wait { $0.filter { if case .sweepFailed = $0 { true } else if case .listenerFailed = $0 { true } else { false } }.count >= 2 }
        let sweep = seen.compactMap { e -> DiscoveryError? in if case .sweepFailed(let err) = e { err } else { nil } }
        let listener = seen.compactMap { e -> DiscoveryError? in if case .listenerFailed(let err) = e { err } else { nil } }
        // the listener and the sweep each report the unknown interface, told apart
        #expect(sweep.count == 1)
        #expect(listener.count == 1)
        let failures = sweep + listener
        #expect(failures.allSatisfy { if case .unknownInterface(let name, _) = $0 { name == "vtrack-no-such-if" } else { false } })
        #expect(eventually { !service.isSweeping })
    }
}
