import Common
import Core
import Store
import Testing

/// The state words the Downloads screen and `vtrack download` / `vtrack jobs` share.
@Suite struct DownloadStateLabelTests {
    @Test func everyStateHasAShortWordInBothLanguages() {
        let words = DownloadState.allCases.map { "\($0.label.en)/\($0.label.vi)" }
        #expect(words == ["queued/chờ", "running/đang tải", "retrying/thử lại", "paused/tạm dừng", "done/xong", "failed/lỗi",
                          "cancelled/đã huỷ"])
    }
}
