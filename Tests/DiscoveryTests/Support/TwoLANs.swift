import TestSupport

/// Two LANs seen from a client namespace: `client` has `vc1` 10.77.1.1/24 (default route) and
/// `vc2` 10.77.2.1/24; `lan1` has `vd1` 10.77.1.2/24, `lan2` has `vd2` 10.77.2.2/24.
struct TwoLANs {
    let client: NetworkNamespace
    let lan1: NetworkNamespace
    let lan2: NetworkNamespace

    init() throws {
        var made: [NetworkNamespace] = []
        do {
            let c = try NetworkNamespace(); made.append(c)
            let a = try NetworkNamespace(); made.append(a)
            let b = try NetworkNamespace(); made.append(b)
            try c.link("vc1", "10.77.1.1/24", to: a, "vd1", "10.77.1.2/24")
            try c.link("vc2", "10.77.2.1/24", to: b, "vd2", "10.77.2.2/24")
            try c.ip("route", "add", "default", "via", "10.77.1.2")
            try a.ip("route", "add", "default", "dev", "vd1")
            try b.ip("route", "add", "default", "dev", "vd2")
            client = c; lan1 = a; lan2 = b
        } catch {
            made.forEach { $0.delete() }
            throw error
        }
    }

    func delete() {
        client.delete(); lan1.delete(); lan2.delete()
    }
}
