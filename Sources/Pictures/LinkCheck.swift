import CChafa
import CFFmpeg

/// Versions of the libraries pictures are made with (for `vtrack --version` and bug reports).
public enum PictureLibraries {
    public static var versions: String {
        let av = avcodec_version()
        let sw = swscale_version()
        let c = chafa_get_n_actual_threads()
        _ = c
        return "libavcodec \(av >> 16).\((av >> 8) & 0xFF), libswscale \(sw >> 16).\((sw >> 8) & 0xFF), chafa"
    }
}
