import Common
import Foundation

/// Advice shown when a sweep finds nothing (quirk D2: containers and bridges block multicast).
public enum DiscoveryHint {
    /// The sentence to show after an empty sweep of `timeout` seconds.
    public static func nothingFound(timeout: Double, inContainer: Bool = DiscoveryHint.looksLikeContainer()) -> Localized {
        let s = timeout == timeout.rounded() ? String(Int(timeout)) : String(format: "%.1f", timeout)
        if inContainer {
            return Localized(
                vi: "Không thiết bị ONVIF nào trả lời trong \(s) giây; máy này có vẻ là container, nơi multicast thường bị chặn: hãy chạy với mạng của máy chủ (host networking) hoặc hỏi thẳng camera bằng --host ĐỊA_CHỈ.",
                en: "No ONVIF device answered within \(s) s; this looks like a container, where multicast usually does not get through: run with host networking or probe a camera directly with --host ADDRESS.")
        }
        return Localized(
            vi: "Không thiết bị ONVIF nào trả lời trong \(s) giây; hãy kiểm tra camera cùng mạng và đã bật ONVIF, còn nếu mạng chặn multicast (VLAN, Wi-Fi cách ly) thì hỏi thẳng camera bằng --host ĐỊA_CHỈ.",
            en: "No ONVIF device answered within \(s) s; check that the cameras are on this network with ONVIF enabled, and where multicast is blocked (VLANs, isolated Wi-Fi) probe a camera directly with --host ADDRESS.")
    }

    /// True inside Docker, Podman, LXC or Kubernetes (by their marker files and PID 1's cgroup).
    public static func looksLikeContainer() -> Bool {
        let fm = FileManager.default
        if fm.fileExists(atPath: "/.dockerenv") || fm.fileExists(atPath: "/run/.containerenv") { return true }
        if let cg = try? String(contentsOfFile: "/proc/1/cgroup", encoding: .utf8) {
            for marker in ["docker", "kubepods", "containerd", "lxc", "libpod"] where cg.contains(marker) { return true }
        }
        return false
    }
}
