import Common
import Glibc

extension CancelSignal {
    /// A stop switch for a thread blocked in `poll` on a UDP socket (the WS-Discovery listener and
    /// responder): `stop()` cancels it to wake that thread. Throws when no pipe could be made, since
    /// such a thread could then never be woken.
    public static func forPoll() throws(DiscoveryError) -> CancelSignal {
        let signal = CancelSignal()
        guard signal.isUsable else { throw .socketFailed(operation: "pipe", reason: UDPSocket.lastError()) }
        return signal
    }
}
