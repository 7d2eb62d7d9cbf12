import Foundation
import ONVIF
import Synchronization

/// Routes SOAP requests to operations through a table keyed by service path and operation name,
/// after the simulator's transport faults and the login check.
///
/// Order for each POST: stall delay → SOAP 1.1-only fault → parse → find the service by path
/// (404 if none) → login (unless the operation is public) → operation (ActionNotSupported if
/// missing) → malformed/undeclared-prefix faults on the answer.
final class SOAPRouter: Sendable {
    private let table = Mutex<[String: SimSOAPService]>([:])
    private let order = Mutex<[String]>([])
    let authenticator = SimAuthenticator()

    /// Adds a service (replacing one at the same path).
    func register(_ service: SimSOAPService) {
        table.withLock { $0[service.path] = service }
        order.withLock { if !$0.contains(service.path) { $0.append(service.path) } }
    }

    /// Registered services in registration order.
    var services: [SimSOAPService] {
        let t = table.withLock { $0 }
        return order.withLock { $0 }.compactMap { t[$0] }
    }

    func handle(_ request: SimHTTPRequest, environment env: @Sendable () -> SOAPEnvironment, stats: borrowing Mutex<SimulatorStats>) -> SimHTTPResponse {
        var response = route(request, env: env(), stats: stats)
        let stall = env().config.faults.stallSeconds
        if stall > 0 { response.delay += stall }
        return response
    }

    /// The parts of the simulator an answer depends on, taken fresh per request.
    struct SOAPEnvironment: Sendable {
        var config: SimulatorConfig
        var model: NVRModel
        var deviceTime: Date
        var httpAuthority: String
        var rtspHost: String
        var rtspPort: Int
    }

    private func route(_ request: SimHTTPRequest, env: SOAPEnvironment, stats: borrowing Mutex<SimulatorStats>) -> SimHTTPResponse {
        let faults = env.config.faults
        guard request.method == "POST" else {
            return SimHTTPResponse(status: 405, contentType: "text/plain", text: "Method Not Allowed")
        }
        let contentType = (request.header("Content-Type") ?? "").lowercased()
        let text = String(decoding: request.body, as: UTF8.self)
        let is12 = contentType.contains("application/soap+xml") || text.contains("http://www.w3.org/2003/05/soap-envelope")
        let version: SOAPVersion = is12 ? .soap12 : .soap11
        stats.withLock { s in if is12 { s.soap12Requests += 1 } else { s.soap11Requests += 1 } }
        if faults.soap11Only && is12 {
            return SimHTTPResponse(status: 200) // firmware that answers SOAP 1.2 with nothing (A9)
        }
        if is12 {
            let hasAction = contentType.split(separator: ";").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("action=") }
            if (faults.rejectActionParameter && hasAction) || (faults.requireActionParameter && !hasAction) {
                // Illustra refuses the parameter; Pelco refuses a request without it (A9)
                stats.withLock { $0.actionParameterRefusals += 1 }
                let reply = SOAPFaultReply(httpStatus: 500, code: "Sender", subcodes: ["ter:ActionNotSupported"],
                                           reason: "The [action] cannot be processed at the receiver")
                return soapFault(version, reply, faults)
            }
        }
        let parsed = try? XMLDocument.parse(text)
        let envelope = parsed?.name == "Envelope" ? parsed : nil
        let operationElement = envelope?.child("Body")?.children.first
        let operation = operationElement?.name
        if let operation { stats.withLock { $0.requests[operation, default: 0] += 1 } }
        guard let service = table.withLock({ $0[request.path] }) else {
            return SimHTTPResponse(status: 404, contentType: "text/html", text: "<html><body><h1>404 Not Found</h1></body></html>")
        }
        // like devices, check the login before reading the request (an HTTP Digest probe may have no body)
        let isPublic = operation.map { service.unauthenticated.contains($0) && !($0 == "GetSystemDateAndTime" && faults.authenticatedDateTime) } ?? false
        if !isPublic, let refusal = authenticator.check(request, envelope: envelope, version: version, config: env.config,
                                                        deviceTime: env.deviceTime, stats: stats) {
            return refusal
        }
        guard let operation, let operationElement else {
            return soapFault(version, SOAPFaultReply(subcodes: ["ter:WellFormed"], reason: "Not a SOAP envelope"), faults)
        }
        let context = SOAPContext(operation: operation, request: operationElement, config: env.config, model: env.model,
                                  deviceTime: env.deviceTime, httpAuthority: env.httpAuthority, rtspHost: env.rtspHost,
                                  rtspPort: env.rtspPort, services: services)
        if let deferred = service.deferredOperations[operation] {
            let answer: SOAPDeferredAnswer
            do {
                answer = try deferred(context)
            } catch {
                return failure(version, error, faults)
            }
            var response = SimHTTPResponse(status: 200, delay: answer.after)
            response.later = { [self] in
                do {
                    return self.success(version, try answer.answer(), faults)
                } catch {
                    return self.failure(version, error, faults)
                }
            }
            return response
        }
        guard let handler = service.operations[operation] else {
            return soapFault(version, .actionNotSupported(operation), faults)
        }
        let body: String
        do {
            body = try handler(context)
        } catch {
            return failure(version, error, faults)
        }
        return success(version, body, faults)
    }

    /// The HTTP answer of a handler's fault (a `SOAPFaultReply`, or any other error as a receiver fault).
    private func failure(_ version: SOAPVersion, _ error: any Error, _ faults: SimulatorConfig.SOAPFaults) -> SimHTTPResponse {
        if let f = error as? SOAPFaultReply { return soapFault(version, f, faults) }
        return soapFault(version, SOAPFaultReply(httpStatus: 500, code: "Receiver", subcodes: ["ter:Action"], reason: "\(error)"), faults)
    }

    /// The HTTP answer of a handler's response element, with the answer fault switches applied.
    private func success(_ version: SOAPVersion, _ body: String, _ faults: SimulatorConfig.SOAPFaults) -> SimHTTPResponse {
        var xml = SOAPWriter.envelope(version, body: body, declarePrefixes: !faults.undeclaredPrefixes)
        if faults.malformedXML {
            // cut the answer off two thirds in, in the middle of an element (A11)
            xml = String(xml.prefix(xml.count * 2 / 3)) + "<tt:Bro"
        }
        return SimHTTPResponse(status: 200, headers: [("Content-Type", SOAPWriter.contentType(version))], body: Array(xml.utf8))
    }

    private func soapFault(_ version: SOAPVersion, _ f: SOAPFaultReply, _ faults: SimulatorConfig.SOAPFaults) -> SimHTTPResponse {
        let xml = SOAPWriter.fault(version, f, declarePrefixes: !faults.undeclaredPrefixes)
        return SimHTTPResponse(status: f.httpStatus, headers: [("Content-Type", SOAPWriter.contentType(version))], body: Array(xml.utf8))
    }
}
