import Foundation
import Pictures

/// Where a picture came from.
public enum PictureOrigin: String, Sendable {
    /// The camera's ONVIF snapshot URI (HTTP).
    case snapshot
    /// The first key frame of the sub stream (RTSP), decoded.
    case keyFrame = "key_frame"
}

/// A camera's picture as taken.
public struct CameraPicture: Sendable {
    /// The decoded pixels (at most 1280 pixels wide; the original size is in `width`/`height`).
    public var picture: Picture
    /// The JPEG as the device sent it; encoded from `picture` when it came from a key frame.
    public var jpeg: [UInt8]
    /// The original picture's size.
    public var width: Int
    public var height: Int
    public var takenAt: Date
    public var origin: PictureOrigin

    public init(picture: Picture, jpeg: [UInt8], width: Int, height: Int, takenAt: Date, origin: PictureOrigin) {
        self.picture = picture; self.jpeg = jpeg; self.width = width; self.height = height
        self.takenAt = takenAt; self.origin = origin
    }

    /// `1920x1080`.
    public var resolution: String { "\(width)x\(height)" }
}
