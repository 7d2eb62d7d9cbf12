import Foundation
import ONVIF
import Testing
import TestSupport

/// HTTPS devices with a self-signed certificate (field quirk C6), against `openssl s_server`.
@Suite struct TLSTests {
    static let openssl = Tools.find("openssl")

    /// `openssl s_server -www` with a fresh self-signed certificate on a free port.
    final class TLSServer {
        let process: ChildProcess
        let port: Int
        let dir = Scratch("tls")

        init(openssl: String) throws {
            let key = dir.file("key.pem"), cert = dir.file("cert.pem")
            let gen = Spawn.run(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=camera.local",
                                          "-keyout", key, "-out", cert])
            guard gen.status == 0 else { throw TestFailure("openssl req failed: \(gen.err)") }
            port = freePort()
            // SIGKILL when released: s_server may not stop on SIGTERM
            process = try ChildProcess(openssl, ["s_server", "-quiet", "-www", "-accept", "127.0.0.1:\(port)", "-cert", cert, "-key", key],
                                       releaseSignal: SIGKILL)
            // wait until it accepts connections (a bound, not a measurement)
            guard eventually({ Self.canConnect(port) }) else { throw TestFailure("openssl s_server did not start on port \(port)") }
        }

        private static func canConnect(_ port: Int) -> Bool {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            addr.sin_port = UInt16(port).bigEndian
            return withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            } == 0
        }
    }

    @Test(.enabled(if: TLSTests.openssl != nil, "openssl is not installed"))
    func selfSignedCertificateIsRefusedWithAClearError() throws {
        let server = try TLSServer(openssl: try #require(TLSTests.openssl))
        let address = try DeviceAddress(parsing: "https://127.0.0.1:\(server.port)")
        let e: ONVIFError? = {
            do { _ = try ONVIFClient(address: address, credentials: Credentials(user: "admin", password: "pw")).probe(); return nil }
            catch { return error as? ONVIFError }
        }()
        guard case .tlsCertificate(let host, _)? = e else {
            Issue.record("expected tlsCertificate, got \(String(describing: e))")
            return
        }
        #expect(host == "127.0.0.1:\(server.port)")
        #expect(e?.text(.en).contains("insecure") == true)
    }

    @Test(.enabled(if: TLSTests.openssl != nil, "openssl is not installed"))
    func insecureOptionAcceptsTheCertificate() throws {
        let server = try TLSServer(openssl: try #require(TLSTests.openssl))
        let address = try DeviceAddress(parsing: "https://127.0.0.1:\(server.port)")
        let client = ONVIFClient(address: address, credentials: Credentials(user: "admin", password: "pw"),
                                 options: ClientOptions(requestTimeout: 1, allowInsecureTLS: true))
        // TLS now works; openssl s_server never answers a POST, so this ends in a timeout, not a TLS error
        let e: ONVIFError? = {
            do { _ = try client.probe(); return nil }
            catch { return error as? ONVIFError }
        }()
        if case .tlsCertificate? = e { Issue.record("TLS should have been accepted: \(String(describing: e))") }
        #expect(e != nil)
    }
}
