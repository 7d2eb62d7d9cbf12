import Foundation
import FuzzTargets
import Testing

/// Every file of `Fuzz/corpus/<target>/` and `Fuzz/crashes/<target>/` through its target, in the
/// normal build: how CI runs each parser briefly on its corpus, and how fixed crashes stay fixed
/// (a regression traps the test process; `vtrack-fuzz TARGET FILE` names the file).
@Suite struct CorpusReplayTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func files(_ kind: String, _ target: String) -> [URL] {
        let dir = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzRegistry.names)
    func corpusAndCrashesReplay(target: String) throws {
        let run = try #require(FuzzRegistry.target(named: target))
        let corpus = Self.files("corpus", target)
        #expect(!corpus.isEmpty, "Fuzz/corpus/\(target) has no seeds")
        for file in corpus + Self.files("crashes", target) {
            run(try Data(contentsOf: file))
        }
    }

    @Test func everyFolderOfTheCorpusNamesATarget() throws {
        for kind in ["corpus", "crashes"] {
            let dir = Self.fuzzFolder.appendingPathComponent(kind)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names where !name.hasPrefix(".") {
                #expect(FuzzRegistry.target(named: name) != nil, "Fuzz/\(kind)/\(name) is not a target")
            }
        }
    }
}
