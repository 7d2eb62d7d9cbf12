import Common
import Foundation
import ONVIF
import Store

extension SourceService {
    /// Picture targets of a saved source's cameras (all, or the ticked ones), password decrypted.
    /// - Throws: `StoreError` (no such source, no saved password for its user).
    public func pictureTargets(name: String, selectedOnly: Bool = false) throws -> [PictureTarget] {
        let source = try repository.requireSource(named: name)
        let user = source.config.username
        let password = user.isEmpty ? nil : try repository.password(for: source)
        let cameras = selectedOnly ? source.config.selectedCameraRecords.map(\.camera) : source.config.detectedCameras
        return cameras.map {
            PictureTarget(sourceName: source.name, host: source.host, port: source.config.port, username: user, password: password, camera: $0)
        }
    }

    /// Picture targets for cameras of a device being tested or shown (the terminal app's
    /// connection): `password` nil means the one saved for source `name`; an empty `user` means
    /// no login.
    public func pictureTargets(name: String, host: String, port: Int?, user: String, password: String?,
                               cameras: [Camera]) throws -> [PictureTarget] {
        var secret: String?
        if !user.isEmpty {
            secret = try password ?? repository.password(for: try repository.requireSource(named: name))
        }
        return cameras.map {
            PictureTarget(sourceName: name, host: host, port: port, username: user, password: secret, camera: $0)
        }
    }
}

extension SourceService {
    /// Picture targets of every camera of a device that is not saved (`vtrack snapshot --host`):
    /// connects, logs in and lists its cameras as ``test(name:host:port:user:password:)`` does,
    /// without the database.
    /// - Parameters:
    ///   - host: as typed: an IP, a host name, `HOST:PORT`, `[IPv6]:PORT` or an `http(s)://` URL.
    ///   - port: the ONVIF port; nil takes the one in `host` (default 80).
    ///   - user: empty for a device without login.
    /// - Throws: the device's problem as one sentence (wrong password, port closed, not ONVIF…).
    public static func pictureTargets(host: String, port: Int?, user: String, password: String,
                                      clientOptions: ClientOptions = ClientOptions()) throws -> [PictureTarget] {
        let typed = host.trimmingCharacters(in: .whitespaces)
        if typed.isEmpty { throw SaveConfigError.emptyHost }
        var address = try DeviceAddress(parsing: typed)
        if let port { address.port = port }
        let credentials = user.isEmpty ? nil : Credentials(user: user, password: password)
        let result = try ONVIFClient(address: address, credentials: credentials, options: clientOptions).probe()
        let shownPort = address.isDefaultPort ? nil : address.port
        return result.cameras.map {
            PictureTarget(sourceName: address.authority, host: address.host, port: shownPort, username: user,
                          password: user.isEmpty ? nil : password, camera: $0)
        }
    }
}
