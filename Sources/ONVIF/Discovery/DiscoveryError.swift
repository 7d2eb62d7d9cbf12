import Common

/// Why a discovery sweep or listener could not run at all. (Bad answers from devices are not
/// errors: they are counted in `DiscoveryResult.malformedCount` and the sweep goes on.)
public enum DiscoveryError: UserFacingError, Equatable {
    /// No interface is up with an IPv4 address and multicast.
    case noUsableInterface(seen: [String])
    /// `--interface NAME` names no interface of this machine.
    case unknownInterface(name: String, available: [String])
    /// `--interface NAME` exists but cannot carry a probe.
    case interfaceNotUsable(name: String, reason: NetworkInterface.UnusableReason)
    /// `--host` could not be resolved to an IPv4 address.
    case hostNotResolved(host: String)
    /// A UDP socket could not be opened or set up (`operation` and the system's reason).
    case socketFailed(operation: String, reason: String)
    /// UDP port 3702 (Hello/Bye listening) is held by a program that does not share it.
    case portBusy(port: Int)

    public var message: Localized {
        switch self {
        case .noUsableInterface(let seen):
            let list = seen.isEmpty ? "" : " (\(seen.joined(separator: ", ")))"
            return Localized(
                vi: "Không có giao diện mạng nào đang bật, có IPv4 và multicast\(list) để dò tìm; hãy kiểm tra cáp/kết nối mạng hoặc dùng --host với địa chỉ của camera.",
                en: "No network interface is up with an IPv4 address and multicast\(list) to probe from; check the cable or network connection, or use --host with the camera's address.")
        case .unknownInterface(let name, let available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            let listVi = available.isEmpty ? "không có" : available.joined(separator: ", ")
            return Localized(
                vi: "Máy này không có giao diện mạng tên \"\(name)\"; các giao diện hiện có: \(listVi).",
                en: "This machine has no network interface named \"\(name)\"; the interfaces are: \(list).")
        case .interfaceNotUsable(let name, let reason):
            return Localized(
                vi: "Không thể dò tìm qua giao diện \"\(name)\" vì \(reason.message.vi); hãy bật nó (ip link set \(name) up) hoặc chọn giao diện khác.",
                en: "Cannot probe through interface \"\(name)\" because \(reason.message.en); bring it up (ip link set \(name) up) or choose another interface.")
        case .hostNotResolved(let host):
            return Localized(
                vi: "Không phân giải được máy \"\(host)\" thành địa chỉ IPv4; hãy kiểm tra tên hoặc dùng địa chỉ IP của camera.",
                en: "Could not resolve host \"\(host)\" to an IPv4 address; check the name or use the camera's IP address.")
        case .socketFailed(let operation, let reason):
            return Localized(
                vi: "Không mở được socket UDP để dò tìm (\(operation): \(reason)); hãy kiểm tra mạng đang bật và quyền của tiến trình.",
                en: "Could not open a UDP socket for discovery (\(operation): \(reason)); check that the network is up and the process's permissions.")
        case .portBusy(let port):
            return Localized(
                vi: "Cổng UDP \(port) đang bị một chương trình khác giữ riêng; hãy tắt công cụ dò tìm ONVIF khác rồi thử lại.",
                en: "UDP port \(port) is held exclusively by another program; close other ONVIF discovery tools and try again.")
        }
    }
}
