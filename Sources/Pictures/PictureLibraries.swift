import CChafa
import CFFmpeg

/// Versions of the libraries pictures are made with (for `vtrack --version` and bug reports).
public enum PictureLibraries {
    /// `libavcodec 59.37.100, libswscale 6.7.100, chafa 1.12.4`: FFmpeg's as loaded at run time,
    /// chafa's as built against.
    public static var versions: String {
        func dotted(_ v: UInt32) -> String { "\(v >> 16).\((v >> 8) & 0xFF).\(v & 0xFF)" }
        return "libavcodec \(dotted(avcodec_version())), libswscale \(dotted(swscale_version())), "
            + "chafa \(CHAFA_MAJOR_VERSION).\(CHAFA_MINOR_VERSION).\(CHAFA_MICRO_VERSION)"
    }
}
