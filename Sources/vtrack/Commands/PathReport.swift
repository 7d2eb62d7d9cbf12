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
            case .success: status = CLI.L("tốt", "ok")
            case .warning: status = CLI.L("cảnh báo", "warning")
            case .failed: status = CLI.L("LỖI", "FAILED")
            }
            let free = v.diskSpaceGB.map { ", \(Format.gigabytes($0)) \(CLI.L("trống", "free"))" } ?? ""
            out += "\(v.sourceName) → \(v.sourcePath)  (\(status)\(free))\n"
            let w = max(8, v.cameras.map(\.camera.count).max() ?? 0) + 1
            for c in v.cameras {
                out += "  \(c.ok ? "✓" : "✗") \(CLI.pad(c.camera, w))\(c.path)\n"
            }
            if v.cameras.isEmpty { out += "  " + CLI.L("(chưa chọn camera nào)", "(no cameras selected)") + "\n" }
            for p in v.problems {
                let tag: String
                switch p.severity {
                case .error: tag = CLI.L("lỗi", "error")
                case .warning: tag = CLI.L("cảnh báo", "warning")
                case .notice: tag = CLI.L("ghi chú", "note")
                }
                out += "  \(tag): \(p.message.text())\n"
            }
        }
        return out
    }
}
