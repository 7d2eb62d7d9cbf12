import ONVIF
import TestSupport

extension SimFixture {
    /// The error `body` throws, as an ONVIFError (nil when it does not throw).
    func error(_ body: () throws -> Void) -> ONVIFError? {
        do {
            try body()
            return nil
        } catch let e as ONVIFError {
            return e
        } catch {
            return .network(host: "?", detail: "unexpected error type: \(error)")
        }
    }
}
