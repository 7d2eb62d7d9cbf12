/// What an encoded picture is, from its first bytes.
public enum ImageKind: String, Sendable {
    case jpeg, png

    /// JPEG (FF D8 FF) or PNG (89 50 4E 47 0D 0A 1A 0A); nil for anything else (an HTML login
    /// page answered with 200, an empty body, …).
    public static func sniff(_ bytes: some Collection<UInt8>) -> ImageKind? {
        let head = Array(bytes.prefix(8))
        if head.count >= 3, head[0] == 0xFF, head[1] == 0xD8, head[2] == 0xFF { return .jpeg }
        if head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return .png }
        return nil
    }
}
