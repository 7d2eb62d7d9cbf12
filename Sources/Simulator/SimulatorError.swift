import Common

/// Why the simulator could not start, as one sentence.
public enum SimulatorError: UserFacingError, Equatable {
    /// A bundled video clip is missing (the binary was copied away from its resource bundle).
    case assetMissing(file: String)
    /// A port could not be opened.
    case cannotListen(what: String, host: String, port: Int, detail: String)

    public var message: Localized {
        switch self {
        case .assetMissing(let file):
            return Localized(
                vi: "Trình mô phỏng không tìm thấy đoạn video mẫu \(file): hãy chạy vtrack từ thư mục build (.build/…) để có thư mục tài nguyên đi kèm, hoặc build lại.",
                en: "The simulator cannot find its sample clip \(file): run vtrack from its build folder (.build/…) so its resource bundle is next to it, or build again.")
        case .cannotListen(let what, let host, let port, let detail):
            return Localized(
                vi: "Trình mô phỏng không mở được cổng \(what) \(host):\(port) (\(detail)): hãy chọn cổng khác hoặc dùng cổng 0 để tự chọn cổng trống.",
                en: "The simulator cannot open its \(what) port \(host):\(port) (\(detail)): choose another port, or 0 for a free one.")
        }
    }
}
