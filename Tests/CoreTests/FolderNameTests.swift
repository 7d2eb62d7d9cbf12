import Foundation
import Testing
@testable import Core

@Suite struct FolderNameTests {
    @Test(arguments: [
        ("../../etc", "_.._etc"),
        ("a/b", "a_b"),
        ("a\\b", "a_b"),
        ("..", "camera"),
        (".", "camera"),
        ("   ", "camera"),
        ("CON", "CON_"),
        ("con.txt", "con_.txt"),
        ("Lpt1", "Lpt1_"),
        ("nul ", "nul_"),
        (".hidden", "hidden"),
        ("trailing. . ", "trailing"),
        ("Front Door", "Front Door"),
        ("Cổng trước", "Cổng trước"),
        ("Camera: 1 *main*?", "Camera_ 1 _main_"),
        ("rtl\u{202E}gpj.exe", "rtl_gpj.exe"),
    ])
    func hostileNamesBecomeSafe(name: String, expected: String) {
        let safe = FolderName.sanitize(name)
        #expect(safe == expected)
        #expect(!safe.contains("/") && !safe.contains("\\") && !safe.contains("\0"))
        #expect(safe != "." && safe != "..")
        #expect(FolderName.isSafe(safe))
    }

    /// Control characters and NUL (not a test argument: swift-testing would print the raw NUL into
    /// the test log, and `grep` then calls the whole log binary).
    @Test func controlCharactersAndNULBecomeUnderscores() {
        let safe = FolderName.sanitize("tab\there\nnew\u{0}nul\u{7F}")
        #expect(safe == "tab_here_new_nul_")
        #expect(FolderName.isSafe(safe))
        #expect(!FolderName.isSafe("a\u{0}b"))
    }

    @Test func vietnameseNamesAreKeptInNFC() {
        let nfd = "Ca\u{0300}mera Kho ha\u{0300}ng" // decomposed
        let safe = FolderName.sanitize(nfd)
        #expect(safe.unicodeScalars.elementsEqual("Càmera Kho hàng".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(FolderName.sanitize("Đường Nguyễn Huệ") == "Đường Nguyễn Huệ")
    }

    @Test func longNamesAreCutBetweenLettersWithinTheByteBound() {
        let long = String(repeating: "ệ", count: 150) // 3 bytes each: 450 bytes
        let safe = FolderName.sanitize(long)
        #expect(safe.utf8.count <= FolderName.maxBytes)
        #expect(safe.utf8.count > FolderName.maxBytes - 3)
        #expect(safe.allSatisfy { $0 == "ệ" })
        // A letter with a combining mark (NFD that has no precomposed form) is never split.
        let combining = String(repeating: "q\u{0323}\u{0302}", count: 100) // 5 bytes per letter
        let cut = FolderName.sanitize(combining)
        #expect(cut.utf8.count <= FolderName.maxBytes)
        #expect(cut.count * 5 == cut.utf8.count)
        let bytes300 = String(repeating: "a", count: 300)
        #expect(FolderName.sanitize(bytes300).utf8.count == FolderName.maxBytes)
        #expect(FolderName.sanitize(String(repeating: "a", count: 119) + " .b").utf8.count <= FolderName.maxBytes)
    }

    @Test func collisionsGetDistinctNames() {
        let names = ["Camera 01", "Camera 01", "camera 01", "CAMERA 01", "Caf\u{00E9}", "Cafe\u{0301}", "a/b", "a_b", "CON", "con_"]
        let folders = FolderName.assign(names)
        #expect(folders == ["Camera 01", "Camera 01 (2)", "camera 01 (3)", "CAMERA 01 (4)", "Café", "Café (2)", "a_b", "a_b (2)", "CON_", "con_ (2)"])
        #expect(Set(folders.map(FolderName.foldKey)).count == folders.count)
    }

    @Test func collisionSuffixesStayWithinTheBound() {
        let long = String(repeating: "x", count: 300)
        let folders = FolderName.assign([long, long, long])
        #expect(folders.allSatisfy { $0.utf8.count <= FolderName.maxBytes })
        #expect(Set(folders).count == 3)
        #expect(folders[1].hasSuffix(" (2)"))
    }
}
