import Common
import Foundation
import Logging
import ONVIF
import Pictures
import Streaming

/// Takes one camera's picture, no cache: the snapshot URI (HTTP, the device's login), else or
/// when it fails the first key frame of the sub stream (RTSP), decoded; scaled down to the
/// widest size kept. One per `PictureService`: it holds the snapshot logins that worked.
struct PictureTaker: Sendable {
    let clientOptions: ClientOptions
    let options: PictureOptions
    let snapshots: SnapshotFetcher
    let logger = Logger(label: "vtrack.pictures")

    init(clientOptions: ClientOptions, options: PictureOptions) {
        self.clientOptions = clientOptions
        self.options = options
        snapshots = SnapshotFetcher(options: SnapshotOptions(timeout: options.snapshotTimeout, maxBytes: options.maxSnapshotBytes,
                                                             allowInsecureTLS: clientOptions.allowInsecureTLS,
                                                             rewriteAdvertisedAddresses: clientOptions.rewriteAdvertisedAddresses))
    }

    /// Throws `PictureFailure` (or the address's own error when the target's host is unusable).
    func take(_ target: PictureTarget) throws -> CameraPicture {
        let device = try Self.device(target)
        let credentials = target.username.isEmpty ? nil : Credentials(user: target.username, password: target.password ?? "")
        var snapshotReason: Localized?
        if let uri = target.camera.snapshotURL?.trimmingCharacters(in: .whitespaces), !uri.isEmpty {
            do {
                return try fromSnapshot(uri, device: device, credentials: credentials)
            } catch {
                snapshotReason = Self.reason(error)
                logger.info("\(target): snapshot failed: \(Self.reason(error).text(.en))")
            }
        }
        guard let stream = Self.streamURI(target.camera) else {
            if let snapshotReason { throw PictureFailure.snapshotFailed(snapshotReason) }
            throw PictureFailure.noAddress(camera: target.camera.name)
        }
        let address = streamAddress(stream, device: device)
        logger.info("\(target): taking the first key frame of \(Redact.uri(address))")
        do {
            return try fromKeyFrame(address, credentials: credentials)
        } catch {
            let streamReason = Self.reason(error)
            logger.info("\(target): no key frame: \(streamReason.text(.en))")
            if let snapshotReason { throw PictureFailure.bothFailed(snapshot: snapshotReason, stream: streamReason) }
            throw PictureFailure.streamFailed(streamReason)
        }
    }

    /// The snapshot, decoded; the device's JPEG kept as it came (a PNG is encoded as JPEG).
    func fromSnapshot(_ uri: String, device: DeviceAddress, credentials: Credentials?) throws -> CameraPicture {
        let snap = try snapshots.fetch(uri, device: device, credentials: credentials)
        let picture = try ImageDecoder.decode(snap.bytes)
        let jpeg = ImageKind.sniff(snap.bytes) == .jpeg ? snap.bytes : try JPEGEncoder.encode(picture)
        return try finished(picture, jpeg: jpeg, origin: .snapshot)
    }

    /// The stream's first key frame, decoded and encoded as JPEG.
    func fromKeyFrame(_ uri: String, credentials: Credentials?) throws -> CameraPicture {
        let frame = try KeyFrameGrabber.grab(url: uri, user: credentials?.user, password: credentials?.password,
                                             options: KeyFrameOptions(timeout: options.keyFrameTimeout, maxBytes: options.maxKeyFrameBytes))
        let picture = try VideoFrameDecoder.decodeKeyFrame(frame.annexB, codec: Self.codec(frame.codec))
        return try finished(picture, jpeg: try JPEGEncoder.encode(picture), origin: .keyFrame)
    }

    /// The picture kept: at most `maxWidth` wide, the original size noted.
    private func finished(_ picture: Picture, jpeg: [UInt8], origin: PictureOrigin) throws -> CameraPicture {
        let kept = picture.width > options.maxWidth
            ? try PictureScaler.fit(picture, maxWidth: options.maxWidth, maxHeight: options.maxWidth * 4)
            : picture
        return CameraPicture(picture: kept, jpeg: jpeg, width: picture.width, height: picture.height, takenAt: Date(), origin: origin)
    }

    /// The stream URI with the device's host (NAT, a device that advertises another host).
    func streamAddress(_ uri: String, device: DeviceAddress) -> String {
        AddressRewriter(device: device, enabled: clientOptions.rewriteAdvertisedAddresses).mediaURI(uri)
    }

    /// The sub stream's URI, else the main stream's.
    static func streamURI(_ camera: Camera) -> String? {
        for uri in [camera.subStream?.uri, camera.mainStream?.uri, camera.streamURL] {
            if let u = uri?.trimmingCharacters(in: .whitespaces), !u.isEmpty { return u }
        }
        return nil
    }

    static func device(_ target: PictureTarget) throws -> DeviceAddress {
        var address = try DeviceAddress(parsing: target.host)
        if let port = target.port { address.port = port }
        return address
    }

    static func codec(_ codec: VideoCodec) -> VideoCodecKind {
        codec == .h264 ? .h264 : .h265
    }

    /// An error's sentence (a user-facing error's own; anything else redacted).
    static func reason(_ error: any Error) -> Localized {
        (error as? any UserFacingError)?.message ?? .unexpected(error)
    }
}
