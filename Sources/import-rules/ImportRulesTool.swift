import Foundation

/// `import-rules TARGET STAMP FORBIDDEN,MODULES FILE…`: fails (status 1, one line per offence in
/// the compiler's `file:line: error:` form) when a file imports a module of this package that its
/// target does not depend on directly; otherwise writes STAMP, an empty Swift file the target
/// compiles, so the check runs again only when a source changes.
@main
enum ImportRulesTool {
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        guard args.count >= 3 else {
            FileHandle.standardError.write(Data("usage: import-rules TARGET STAMP FORBIDDEN[,…] FILE…\n".utf8))
            exit(2)
        }
        let target = args[args.startIndex], stamp = args[args.startIndex + 1]
        let forbidden = Set(args[args.startIndex + 2].split(separator: ",").map(String.init))
        var offences: [String] = []
        for file in args.dropFirst(3) {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let module = imported(line), forbidden.contains(module) else { continue }
                offences.append("\(file):\(n + 1): error: \(target) may not import \(module): it is not among \(target)'s "
                                + "dependencies in Package.swift (fronts reach the engines through Core)")
            }
        }
        guard offences.isEmpty else {
            FileHandle.standardError.write(Data((offences.joined(separator: "\n") + "\n").utf8))
            exit(1)
        }
        let body = "// \(target): every import is a declared dependency (checked by import-rules).\n"
        if (try? String(contentsOfFile: stamp, encoding: .utf8)) != body {
            try? body.write(toFile: stamp, atomically: true, encoding: .utf8)
        }
    }

    /// The module a line imports (`import X`, `@testable import X`, `public import X`,
    /// `import struct X.Y`…), nil for any other line.
    static func imported(_ line: Substring) -> String? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        while let first = words.first, first.hasPrefix("@") || ["public", "package", "internal", "private", "fileprivate"].contains(first) {
            words.removeFirst()
        }
        guard words.count >= 2, words[0] == "import" else { return nil }
        let kinds: Set<String> = ["struct", "class", "enum", "protocol", "typealias", "func", "let", "var"]
        let name = kinds.contains(words[1]) && words.count >= 3 ? words[2] : words[1]
        return name.split(separator: ".").first.map(String.init)
    }
}
