import Foundation
import Common
import Core

/// Text output of folder checks (`paths check`, `sources add/select`).
enum PathReport {
    static func text(_ validations: [PathValidation]) -> String {
        var out = ""
        for v in validations {
            let status: String
            switch v.validationStatus {
            case .success: status = Localized(vi: "tốt", en: "ok").text()
            case .warning: status = Localized(vi: "cảnh báo", en: "warning").text()
            case .failed: status = Localized(vi: "LỖI", en: "FAILED").text()
            }
            let free = v.diskSpaceGB.map { ", \(Format.gigabytes($0)) \(Localized(vi: "trống", en: "free").text())" } ?? ""
            out += "\(CLI.shown(v.sourceName)) → \(CLI.shown(v.sourcePath))  (\(status)\(free))\n"
            let w = max(8, v.cameras.map { CLI.width($0.camera) }.max() ?? 0) + 1
            for c in v.cameras {
                out += "  \(c.ok ? "✓" : "✗") \(CLI.pad(c.camera, w))\(c.path)\n"
            }
            if v.cameras.isEmpty { out += "  " + Localized(vi: "(chưa chọn camera nào)", en: "(no cameras selected)").text() + "\n" }
            for p in v.problems {
                let tag: String
                switch p.severity {
                case .error: tag = Localized(vi: "lỗi", en: "error").text()
                case .warning: tag = Localized(vi: "cảnh báo", en: "warning").text()
                case .notice: tag = Localized(vi: "ghi chú", en: "note").text()
                }
                out += "  \(tag): \(p.message.text())\n"
            }
        }
        return out
    }
}
