/// The sizes Pictures accepts: anything beyond is refused with a sentence before a decoder or a
/// scaler allocates for it (a hostile or broken device cannot make us allocate gigabytes).
public enum PictureLimits {
    /// The widest and tallest picture decoded, scaled, encoded or drawn (8192 pixels).
    public static let maxSide = 8192
    /// The largest encoded input (a snapshot body or an access unit): 64 MB.
    public static let maxEncodedBytes = 64 << 20
    /// The most terminal cells on either side a renderer draws (1000).
    public static let maxCells = 1000

    static func isValidSize(_ width: Int, _ height: Int) -> Bool {
        width > 0 && height > 0 && width <= maxSide && height <= maxSide
    }
}
