import Common
import Foundation

/// The authentication ladder: how one SOAP request is sent until the device accepts it or we
/// stop asking.
///
/// 1. With credentials, the device's clock offset is measured first (unauthenticated
///    GetSystemDateAndTime), so the WS-Security digest carries the device's time.
/// 2. Every authenticated request carries a WS-Security UsernameToken; once the device answered a
///    401 with `WWW-Authenticate`, it also goes through HTTP Digest (or Basic) via libcurl.
/// 3. An empty HTTP 200 to SOAP 1.2 is retried once as SOAP 1.1, which is then remembered.
/// 4. A refused login is retried only to change something: the scheme the device asked for, or
///    a re-measured clock offset (once). Never more than `maxLoginAttempts` refused requests in a
///    row; then the error sticks, so no later call asks the device again.
extension ONVIFClient {
    private enum Step { case retry, retryAfterClock, fail(ONVIFError) }

    /// Sends one SOAP request and returns the response element.
    /// - Parameter timeout: seconds the request may take, instead of `ClientOptions.requestTimeout`.
    func soap(url: String, action: String, operation: String, body: String, authenticate: Bool = true,
              timeout: Double? = nil) throws -> XMLElement {
        let creds = authenticate ? credentials : nil
        if creds != nil {
            if let e = state.withLock({ $0.finalError }) { throw e }
            try ensureClockMeasured()
            if !state.withLock({ $0.verified }) {
                // until the device has accepted the login once, logins go one at a time: callers
                // in parallel would each spend an attempt of a wrong password (devices lock accounts)
                return try loginGate.withLock { _ in
                    try exchange(url: url, action: action, operation: operation, body: body, credentials: creds, timeout: timeout)
                }
            }
        }
        return try exchange(url: url, action: action, operation: operation, body: body, credentials: creds, timeout: timeout)
    }

    /// One request through the ladder's rungs (SOAP 1.1 fallback, HTTP challenge, clock re-measure).
    private func exchange(url: String, action: String, operation: String, body: String, credentials creds: Credentials?,
                          timeout: Double?) throws -> XMLElement {
        var triedSoap11 = false
        var triedWithoutAction = false
        var remeasured = false
        for _ in 0..<12 {
            let snap = state.withLock { $0 }
            if creds != nil, let e = snap.finalError { throw e }
            let version: SOAPVersion = triedSoap11 ? .soap11 : snap.soapVersion
            let omitAction = version == .soap12 && (triedWithoutAction || snap.actionParameter == .refused)
            var security: String?
            var headers = version.headers(action: action, actionParameter: !omitAction)
            if let c = creds {
                security = UsernameToken.header(credentials: c, deviceTime: Date().addingTimeInterval(snap.clockOffset ?? 0))
                if let authorization = httpAuthorization(url: url, credentials: c) { headers.append("Authorization: \(authorization)") }
            }
            let xml = Envelope.build(version: version, action: action, to: url, body: body, security: security)
            let request = HTTPRequest(url: url, headers: headers, body: Array(xml.utf8), timeout: timeout)
            let response: HTTPResponse
            switch transport.send(request) {
            case .success(let r): response = r
            case .failure(let f): throw transportError(f, timeout: timeout)
            }

            let refusal: SOAPOutcome.Refusal
            var empty = false
            switch SOAPOutcome.classify(response) {
            case .ok(let element):
                succeeded(withCredentials: creds != nil, soap11: triedSoap11,
                          actionParameter: version == .soap12 ? (omitAction ? .refused : .accepted) : nil)
                return element
            case .fault(let fault):
                if version == .soap12, !omitAction, snap.actionParameter == .unknown, fault.refusesActionParameter {
                    triedWithoutAction = true // the device refuses `action=` in the Content-Type (A9)
                    continue
                }
                succeeded(withCredentials: creds != nil, soap11: triedSoap11, actionParameter: nil)
                if fault.isNotSupported { throw ONVIFError.serviceNotSupported(service: operation) }
                throw ONVIFError.deviceFault(action: operation, code: fault.code, reason: redact(fault.reason))
            case .notSOAP(let detail):
                throw ONVIFError.notONVIF(host: address.description, detail: detail)
            case .malformed(let detail):
                throw ONVIFError.malformedAnswer(action: operation, detail: detail)
            case .empty:
                if version == .soap12 && !triedSoap11 {
                    // some firmware answers SOAP 1.2 with nothing: try 1.1 once (A9)
                    triedSoap11 = true
                    if creds != nil, let e = countEmptyBeforeSoap11() { throw e }
                    continue
                }
                guard creds != nil else { throw ONVIFError.emptyAnswer(host: address.description, action: operation) }
                refusal = .init(challenge: nil, fault: nil, status: response.status)
                empty = true
            case .refused(let r):
                guard creds != nil else { throw ONVIFError.credentialsRequired(host: address.description) }
                refusal = r
            }

            switch countRefusal(snap, refusal: refusal, empty: empty, canRemeasure: !remeasured) {
            case .retry: continue
            case .retryAfterClock: remeasured = true
            case .fail(let e): throw e
            }
        }
        throw state.withLock { $0.finalError } ?? ONVIFError.wrongCredentials(user: creds?.user ?? "", deviceReason: nil)
    }

    /// The `Authorization` header for the device's HTTP challenge, if it sent one.
    private func httpAuthorization(url: String, credentials c: Credentials) -> String? {
        let (challenge, nc) = state.withLock { s -> (AuthChallenge?, Int) in
            s.nonceCount += 1
            return (s.httpChallenge, s.nonceCount)
        }
        guard let challenge else { return nil }
        let uri = URLParts(url).map { $0.rest.isEmpty ? "/" : $0.rest } ?? "/"
        return challenge.authorization(method: "POST", uri: uri, user: c.user, password: c.password, nc: nc)
    }

    private func succeeded(withCredentials: Bool, soap11: Bool, actionParameter: ActionParameterUse?) {
        state.withLock { s in
            if soap11 { s.soapVersion = .soap11 }
            if let a = actionParameter, s.actionParameter == .unknown { s.actionParameter = a }
            if withCredentials {
                s.failedAttempts = 0
                s.verified = true
            }
        }
    }

    /// Counts one refused request and decides the next rung, under the ladder lock so that
    /// concurrent callers never retry a refused login in parallel.
    private func countRefusal(_ snap: AuthState, refusal: SOAPOutcome.Refusal, empty: Bool, canRemeasure: Bool) -> Step {
        ladder.withLock { _ -> Step in
            let now = state.withLock { $0 }
            if let e = now.finalError { return .fail(e) }
            if now.generation != snap.generation { return .retry } // another caller already changed something
            let attempts = now.failedAttempts + 1
            let fault = refusal.fault
            func giveUp(_ e: ONVIFError) -> Step {
                state.withLock { s in
                    s.failedAttempts = attempts
                    s.finalError = e
                    s.generation += 1
                }
                return .fail(e)
            }
            if let challenge = refusal.challenge, challenge.isStale, now.httpChallenge != nil {
                // the password was fine, only the nonce expired: answer the new one (not an attempt)
                state.withLock { s in
                    s.httpChallenge = challenge
                    s.nonceCount = 0
                    s.generation += 1
                }
                return .retry
            }
            if let f = fault, f.mentionsLock {
                return giveUp(.accountLocked(reason: redact(f.reason)))
            }
            if attempts >= options.maxLoginAttempts {
                return giveUp(finalLoginError(fault: fault, empty: empty, offset: now.dateTimeNeedsAuth ? nil : now.clockOffset))
            }
            if let challenge = refusal.challenge {
                // keep the newest nonce for the next attempt
                state.withLock { s in
                    s.httpChallenge = challenge
                    s.nonceCount = 0
                }
                if now.httpChallenge == nil {
                    state.withLock { s in
                        s.failedAttempts = attempts
                        s.generation += 1
                    }
                    return .retry
                }
            }
            if canRemeasure && !now.dateTimeNeedsAuth {
                state.withLock { s in s.failedAttempts = attempts }
                do {
                    try measureClock()
                } catch let e as ONVIFError {
                    return giveUp(e)
                } catch {
                    return giveUp(.network(host: address.description, detail: "\(error)"))
                }
                state.withLock { s in
                    // refused although the device's clock did not move: if its answer contradicts
                    // itself (local time labelled UTC, A3), read it the other way for the retry
                    if let old = now.clockOffset, let fresh = s.clockOffset, abs(fresh - old) < 5, let other = s.alternativeClockOffset {
                        s.clockOffset = ClockOffset.kept(other)
                    }
                    s.generation += 1
                }
                return .retryAfterClock
            }
            return giveUp(finalLoginError(fault: fault, empty: empty, offset: now.dateTimeNeedsAuth ? nil : now.clockOffset))
        }
    }

    /// Counts an empty answer to SOAP 1.2 with credentials (it may be a refused login) before the
    /// SOAP 1.1 retry; returns the error to stop with when that was one attempt too many.
    private func countEmptyBeforeSoap11() -> ONVIFError? {
        ladder.withLock { _ -> ONVIFError? in
            state.withLock { s -> ONVIFError? in
                if let e = s.finalError { return e }
                s.failedAttempts += 1
                if s.failedAttempts >= options.maxLoginAttempts {
                    let e = ONVIFError.emptyAnswer(host: address.description, action: "login")
                    s.finalError = e
                    return e
                }
                return nil
            }
        }
    }

    /// The error we stop with once the device keeps refusing the login.
    private func finalLoginError(fault: SOAPFault?, empty: Bool, offset: Double?) -> ONVIFError {
        if let f = fault, f.mentionsTime {
            return .clockFarOff(offsetSeconds: offset)
        }
        if empty, fault == nil {
            return .emptyAnswer(host: address.description, action: "login")
        }
        let reason = fault.map { redact($0.reason) }.flatMap { $0.isEmpty ? nil : $0 }
        return .wrongCredentials(user: credentials?.user ?? "", deviceReason: reason)
    }

    /// Measures the clock offset once per client, before the first authenticated request.
    func ensureClockMeasured() throws {
        if state.withLock({ $0.clockMeasured }) { return }
        try ladder.withLock { _ in
            if state.withLock({ $0.clockMeasured }) { return }
            try measureClock()
        }
    }

    /// Asks the device its time without credentials and stores the offset. A device that wants a
    /// login for it (A2) is remembered as such; a device that cannot tell (fault, odd answer) leaves
    /// the offset unknown. Only transport errors and "not ONVIF" are thrown.
    func measureClock() throws {
        let t0 = Date()
        do {
            let element = try soap(url: address.deviceServiceURL, action: ONVIFService.device.action("GetSystemDateAndTime"),
                                   operation: "GetSystemDateAndTime", body: DeviceRequests.getSystemDateAndTime, authenticate: false)
            let t1 = Date()
            if let deviceTime = DeviceParsing.systemDateAndTime(element) {
                let offset = ClockOffset.measured(deviceTime: deviceTime, sent: t0, answered: t1)
                let zone = DeviceParsing.zoneOfLocalTimeLabelledUTC(element)
                state.withLock { s in
                    s.clockOffset = ClockOffset.kept(offset)
                    s.alternativeClockOffset = zone.map { offset - $0 }
                    s.clockMeasured = true
                }
            } else {
                state.withLock { $0.clockMeasured = true }
            }
        } catch let e as ONVIFError {
            switch e {
            case .credentialsRequired, .wrongCredentials:
                state.withLock { s in
                    s.dateTimeNeedsAuth = true
                    s.clockMeasured = true
                }
            case _ where e.isConnectionFailure:
                throw e
            default:
                state.withLock { $0.clockMeasured = true }
            }
        }
    }
}
