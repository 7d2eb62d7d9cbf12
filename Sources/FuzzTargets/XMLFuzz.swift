import Foundation
import ONVIF

/// The SOAP/XML reader: any bytes, then a walk over whatever tree came out.
public enum XMLFuzz {
    public static func run(_ data: Data) {
        guard let result = try? XMLDocument.parseDetailed([UInt8](data)) else { return }
        var stack = [result.root]
        var seen = 0
        while let e = stack.popLast(), seen < 10_000 {
            seen += 1
            _ = e.text
            _ = e.attribute("token")
            _ = e.childText(e.name)
            stack.append(contentsOf: e.children)
        }
        _ = result.root.first("Body")
        _ = result.root.all("Uri").map(\.text)
        _ = XMLEscape.text(String(decoding: data.prefix(256), as: UTF8.self))
    }
}
