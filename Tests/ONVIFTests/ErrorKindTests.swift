import Common
import Foundation
import ONVIF
import Testing

/// Pins which `ONVIFError` cases each kind property includes: probes, recordings reports, the
/// clock measurement and the downloader's retries all decide with them.
@Suite struct ErrorKindTests {
    /// One value of every case.
    static let samples: [ONVIFError] = [
        .invalidAddress("ho st"),
        .portOutOfRange(address: "h:0", port: "0"),
        .unreachable(host: "h", detail: "d"),
        .linkLocalWithoutZone(host: "fe80::2"),
        .connectionRefused(host: "h", port: 80),
        .timeout(host: "h", seconds: 5),
        .tlsCertificate(host: "h", detail: "d"),
        .notONVIF(host: "h", detail: "d"),
        .wrongCredentials(user: "u", deviceReason: nil),
        .credentialsRequired(host: "h"),
        .emptyAnswer(host: "h", action: "GetProfiles"),
        .clockFarOff(offsetSeconds: 3600),
        .accountLocked(reason: "r"),
        .serviceNotSupported(service: "Replay"),
        .malformedAnswer(action: "GetProfiles", detail: "d"),
        .deviceFault(action: "GetProfiles", code: "c", reason: "r"),
        .network(host: "h", detail: "d"),
    ]

    /// The expected kinds, one line a case. The switch has no `default`, so a new case does not
    /// compile until it is placed here.
    static func expected(_ e: ONVIFError) -> (connection: Bool, transient: Bool, authentication: Bool) {
        switch e {
        case .invalidAddress: return (true, false, false)
        case .portOutOfRange: return (true, false, false)
        case .unreachable: return (true, true, false)
        case .linkLocalWithoutZone: return (true, false, false)
        case .connectionRefused: return (true, true, false)
        case .timeout: return (true, true, false)
        case .tlsCertificate: return (true, false, false)
        case .notONVIF: return (true, false, false)
        case .network: return (true, true, false)
        case .wrongCredentials: return (false, false, true)
        case .credentialsRequired: return (false, false, true)
        case .emptyAnswer: return (false, false, true)
        case .clockFarOff: return (false, false, true)
        case .accountLocked: return (false, false, true)
        case .serviceNotSupported: return (false, false, false)
        case .malformedAnswer: return (false, false, false)
        case .deviceFault: return (false, false, false)
        }
    }

    /// The case's name (`timeout`), whatever the language of its sentence.
    static func caseName(_ e: ONVIFError) -> String { Mirror(reflecting: e).children.first?.label ?? "?" }

    @Test(arguments: samples)
    func eachCaseHasItsKinds(_ e: ONVIFError) {
        let want = Self.expected(e)
        #expect(e.isConnectionFailure == want.connection, "isConnectionFailure of \(Self.caseName(e))")
        #expect(e.isTransientConnectionFailure == want.transient, "isTransientConnectionFailure of \(Self.caseName(e))")
        #expect(e.isAuthenticationFailure == want.authentication, "isAuthenticationFailure of \(Self.caseName(e))")
    }

    @Test func kindsAreNestedAndDisjoint() {
        #expect(Set(Self.samples.map { Self.caseName($0) }).count == 17, "one sample a case")
        for e in Self.samples {
            if e.isTransientConnectionFailure { #expect(e.isConnectionFailure, "transient but not a connection failure: \(Self.caseName(e))") }
            #expect(!(e.isConnectionFailure && e.isAuthenticationFailure), "both a connection and a login failure: \(Self.caseName(e))")
        }
        let transient = Self.samples.filter(\.isTransientConnectionFailure).map { Self.caseName($0) }
        #expect(transient == ["unreachable", "connectionRefused", "timeout", "network"])
        let connection = Self.samples.filter(\.isConnectionFailure).map { Self.caseName($0) }
        #expect(connection == ["invalidAddress", "portOutOfRange", "unreachable", "linkLocalWithoutZone", "connectionRefused", "timeout", "tlsCertificate",
                               "notONVIF", "network"])
    }
}
