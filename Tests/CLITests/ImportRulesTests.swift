import Foundation
import Testing
import TestSupport

/// The arrows of Package.swift are checked when a target builds (the ImportRules plugin runs
/// `import-rules` on its sources): a module of this package that the target does not depend on
/// directly cannot be imported.
@Suite struct ImportRulesTests {
    func check(_ source: String, forbidden: String = "ONVIF,Store,Streaming") throws -> ProgramOutput {
        let dir = Scratch("imports")
        let file = dir.file("Screen.swift")
        try source.write(toFile: file, atomically: true, encoding: .utf8)
        return Spawn.run(BuiltProducts.path("import-rules"), ["TUI", dir.file("stamp.swift"), forbidden, file])
    }

    @Test func aFrontImportingAnEngineFailsTheBuild() throws {
        for line in ["import ONVIF", "@testable import Store", "public import Streaming", "import struct ONVIF.DeviceAddress",
                     "  import ONVIF"] {
            let r = try check("import Foundation\nimport Core\n\(line)\n")
            #expect(r.status == 1, "\(line)")
            #expect(r.err.contains("Screen.swift:3: error: TUI may not import"), "\(r.err)")
        }
    }

    @Test func declaredDependenciesAndSystemModulesPass() throws {
        let r = try check("import Foundation\nimport Core\nimport Common\n// import ONVIF in a comment\nlet importONVIF = 1\n")
        #expect(r.status == 0, "\(r.err)")
    }

    /// The terminal app's and the CLI's own sources name no engine (the build would fail, but a
    /// moved file or a new target is caught here too).
    @Test func theFrontsImportNoEngine() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["Sources/TUI", "Sources/NcursesBackend", "Sources/vtrack"] {
            let files = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)?
                .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            #expect(!files.isEmpty, "\(folder)")
            for f in files {
                let text = try String(contentsOfFile: root.appendingPathComponent(folder).appendingPathComponent(f).path, encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                    #expect(!["import ONVIF", "import Store", "import Streaming"].contains(String(line)), "\(folder)/\(f): \(line)")
                }
            }
        }
    }
}
