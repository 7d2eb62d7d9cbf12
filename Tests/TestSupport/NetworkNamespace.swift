import Dispatch
import Foundation
import Glibc
import Synchronization

/// A Linux network namespace created by a test (needs root and iproute2's `ip`), deleted by
/// `delete()`. Code runs inside it on a dedicated thread that joined it with setns(2): sockets
/// created there stay in the namespace whatever thread uses them later.
public final class NetworkNamespace: Sendable {
    /// `vtd<pid>x<n>`.
    public let name: String

    /// What went wrong making or using a namespace.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// True when namespaces can be made here (root, `ip` present, `ip netns add` works).
    public static let available: Bool = {
        guard geteuid() == 0, ipPath != nil else { return false }
        removeStale()
        let probe = "vtdprobe\(getpid())"
        guard (try? runIP(["netns", "add", probe])) != nil else { return false }
        _ = try? runIP(["netns", "del", probe])
        return true
    }()

    /// Why the tests that need namespaces are skipped when `available` is false.
    public static let skipReason = "needs root and iproute2 to create network namespaces (ip netns add)"

    private static let counter = Mutex(0)

    /// Creates `vtd<pid>x<n>` with loopback up.
    public init() throws {
        let n = Self.counter.withLock { c -> Int in c += 1; return c }
        name = "vtd\(getpid())x\(n)"
        try Self.runIP(["netns", "add", name])
        try ip("link", "set", "lo", "up")
    }

    /// `ip -n NAME args…`
    public func ip(_ args: String...) throws { try Self.runIP(["-n", name] + args) }

    /// Deletes the namespace (and the veth ends inside it).
    public func delete() { _ = try? Self.runIP(["netns", "del", name]) }

    /// Connects `self` and `other` with a veth pair: `localIf` here with `localAddr` (CIDR),
    /// `otherIf` there with `otherAddr`.
    public func link(_ localIf: String, _ localAddr: String, to other: NetworkNamespace, _ otherIf: String, _ otherAddr: String) throws {
        try ip("link", "add", localIf, "type", "veth", "peer", "name", otherIf, "netns", other.name)
        try ip("addr", "add", localAddr, "dev", localIf)
        try ip("link", "set", localIf, "up")
        try other.ip("addr", "add", otherAddr, "dev", otherIf)
        try other.ip("link", "set", otherIf, "up")
    }

    /// `ip netns exec NAME` as a prefix: a program started with it runs inside the namespace.
    public var execPrefix: [String] { [Self.ipPath ?? "ip", "netns", "exec", name] }

    /// Runs `body` on a fresh thread inside the namespace and returns its value.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let result = Mutex<Result<T, Failure>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let path = "/var/run/netns/\(name)"
        let thread = Thread {
            defer { done.signal() }
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { result.withLock { $0 = .failure(Failure(description: "open \(path) failed")) }; return }
            defer { close(fd) }
            guard Self.setns(fd, 0x4000_0000 /* CLONE_NEWNET */) == 0 else {
                result.withLock { $0 = .failure(Failure(description: "setns failed: \(String(cString: strerror(errno)))")) }
                return
            }
            do {
                let v = try body()
                result.withLock { $0 = .success(v) }
            } catch {
                result.withLock { $0 = .failure(Failure(description: "\(error)")) }
            }
        }
        thread.start()
        done.wait()
        guard let r = result.withLock({ $0 }) else { throw Failure(description: "no result") }
        return try r.get()
    }

    // MARK: helpers

    private typealias SetnsFunction = @convention(c) (Int32, Int32) -> Int32

    /// setns(2), looked up at run time (Swift's Glibc module does not export it).
    private static func setns(_ fd: Int32, _ type: Int32) -> Int32 {
        guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, "setns") else { return -1 }
        return unsafeBitCast(sym, to: SetnsFunction.self)(fd, type)
    }

    /// iproute2's `ip`, nil when it is not installed.
    public static let ipPath: String? = Tools.find("ip")

    /// `ip args…`; its output, or a `Failure` with what it said.
    @discardableResult
    public static func runIP(_ args: [String]) throws -> String {
        guard let ip = ipPath else { throw Failure(description: "ip not found") }
        return try Self.run(ip, args)
    }

    /// Runs a program, returns its stdout; throws with its stderr when it fails.
    @discardableResult
    static func run(_ program: String, _ args: [String]) throws -> String {
        let r = Spawn.run(program, args)
        guard r.status == 0 else { throw Failure(description: "\(program) \(args.joined(separator: " ")): \(r.err)") }
        return r.out
    }

    /// Deletes namespaces left by earlier test processes that died (`vtd<pid>x…` whose pid is gone).
    private static func removeStale() {
        guard let list = try? runIP(["netns", "list"]) else { return }
        for line in list.split(separator: "\n") {
            let name = String(line.split(separator: " ").first ?? "")
            guard name.hasPrefix("vtd"), let x = name.firstIndex(of: "x"),
                  let pid = Int32(name[name.index(name.startIndex, offsetBy: 3)..<x]) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { _ = try? runIP(["netns", "del", name]) }
        }
    }
}
