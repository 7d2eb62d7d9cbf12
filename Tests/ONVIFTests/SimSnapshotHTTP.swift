import Foundation
import TestSupport

/// A plain HTTP client for the simulator's snapshot tests: curl, run with `Spawn`, so what is
/// checked is the simulator as any HTTP client sees it (Digest and Basic answered by curl, not
/// by the product's code).
enum SimSnapshotHTTP {
    /// The login curl answers challenges with.
    enum Login {
        case none
        case digest(user: String, password: String)
        case basic(user: String, password: String)

        static let admin = Login.digest(user: "admin", password: "admin123")
        static let adminBasic = Login.basic(user: "admin", password: "admin123")

        var arguments: [String] {
            switch self {
            case .none: return []
            case .digest(let u, let p): return ["--digest", "-u", "\(u):\(p)"]
            case .basic(let u, let p): return ["--basic", "-u", "\(u):\(p)"]
            }
        }
    }

    /// What came back.
    struct Reply {
        /// curl's exit status (0, 28 timed out, 63 over `--max-filesize`, …).
        var exit: Int32
        /// The last response's status (0 when none came).
        var status: Int
        /// The last response's headers, names lower-cased.
        var headers: [String: String]
        /// Every `WWW-Authenticate` value of the last response.
        var challenges: [String]
        var body: [UInt8]
        var stderr: String

        var contentType: String { headers["content-type"] ?? "" }
        /// Starts with FF D8 and ends with FF D9.
        var isJPEG: Bool {
            body.count > 4 && body[0] == 0xFF && body[1] == 0xD8 && body[body.count - 2] == 0xFF && body[body.count - 1] == 0xD9
        }
    }

    /// GET `url`.
    static func get(_ url: String, login: Login = .none, maxTime: Double = 30, extra: [String] = []) -> Reply {
        run(login.arguments + extra + ["--max-time", String(maxTime), url])
    }

    /// POST a SOAP 1.2 envelope whose body is `bodyXML` to `url`.
    static func soap(_ url: String, _ bodyXML: String, login: Login = .none) -> Reply {
        let envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
            + "<s:Body>\(bodyXML)</s:Body></s:Envelope>"
        let dir = Scratch("snap-soap")
        _ = FileManager.default.createFile(atPath: dir.file("req.xml"), contents: Data(envelope.utf8))
        return run(login.arguments + ["--max-time", "30", "-H", "Content-Type: application/soap+xml; charset=utf-8",
                                      "--data-binary", "@" + dir.file("req.xml"), url])
    }

    /// The curl arguments that fetch into `dir` (body, headers), then `more`.
    static func arguments(into dir: Scratch, _ more: [String]) -> [String] {
        ["-sS", "-o", dir.file("body"), "-D", dir.file("headers")] + more
    }

    /// Reads what a curl started with `arguments(into:)` left in `dir`.
    static func reply(exit: Int32, dir: Scratch, stderr: String) -> Reply {
        let body = (try? Data(contentsOf: URL(fileURLWithPath: dir.file("body")))).map { [UInt8]($0) } ?? []
        let raw = (try? String(contentsOfFile: dir.file("headers"), encoding: .utf8)) ?? ""
        // curl writes every response's headers (a 401, then the answer): keep the last block
        let blocks = raw.components(separatedBy: "\r\n\r\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let lines = (blocks.last ?? "").components(separatedBy: "\r\n")
        let status = lines.first.flatMap { line in line.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
        var headers: [String: String] = [:]
        var challenges: [String] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = value
            if name == "www-authenticate" { challenges.append(value) }
        }
        return Reply(exit: exit, status: status, headers: headers, challenges: challenges, body: body, stderr: stderr)
    }

    private static func run(_ more: [String]) -> Reply {
        let dir = Scratch("snap-get")
        let out = Spawn.run("curl", arguments(into: dir, more))
        return reply(exit: out.status, dir: dir, stderr: out.err)
    }
}
