import ONVIF

extension DiscoveryAdvert {
    /// The adverts of the simulated device(s) described by `config`: its name, model and location
    /// scopes, Profiles S and T (and G unless `profileG` is off), and `deviceServiceURL` as XAddr (three XAddrs when asked).
    /// With `discoverySwitches.devices` > 1, device N (from 2) gets its own endpoint reference,
    /// name suffix and XAddr port (`port + N - 1`).
    public static func forSimulator(_ config: SimulatorConfig, deviceServiceURL: String) -> [DiscoveryAdvert] {
        let sw = config.discoverySwitches
        let baseEPR = sw.endpointReference ?? endpointReference(from: "vtrack-sim/" + config.serialNumber)
        var out: [DiscoveryAdvert] = []
        for n in 1...max(1, sw.devices) {
            var url = deviceServiceURL
            var name = config.deviceName
            var epr = baseEPR
            if n > 1 {
                epr = endpointReference(from: "vtrack-sim/\(config.serialNumber)/\(n)")
                name += " \(n)"
                if var p = XAddrPreference.Parts.parse(url) {
                    p.port = (p.port ?? 80) + n - 1
                    url = p.url
                }
            }
            let xaddrs = sw.threeXAddrs ? threeXAddrs(real: url) : [url]
            out.append(DiscoveryAdvert(endpointReference: epr,
                                       scopes: scopes(name: name, hardware: config.model, location: sw.location,
                                                      profiles: config.profileG ? ["S", "G", "T"] : ["S", "T"]),
                                       xaddrs: xaddrs, onlyForm: sw.onlyForm, answerTwice: sw.answerTwice))
        }
        return out
    }

    /// `count` distinct devices for tests and benchmarks: `Simulated Camera 01…`, each with its own
    /// endpoint reference (from `seed`) and XAddr `http://host:(firstPort + i)/onvif/device_service`.
    public static func fleet(count: Int, host: String, firstPort: Int = 8000, seed: String = "fleet",
                             namePrefix: String = "Simulated Camera") -> [DiscoveryAdvert] {
        (0..<count).map { i in
            let label = i + 1 < 10 ? "0\(i + 1)" : "\(i + 1)"
            return DiscoveryAdvert(endpointReference: endpointReference(from: "\(seed)/\(i)"),
                                   scopes: scopes(name: "\(namePrefix) \(label)", hardware: "SIM-CAM", location: "Hanoi"),
                                   xaddrs: ["http://\(host):\(firstPort + i)/onvif/device_service"])
        }
    }
}

extension DiscoveryResponder {
    /// The responder the simulator runs when `config.discovery` is on, advertising
    /// `deviceServiceURL` (use host `0.0.0.0` to advertise the address of each interface a probe arrives on).
    public convenience init(config: SimulatorConfig, deviceServiceURL: String) {
        let sw = config.discoverySwitches
        var settings = Settings(port: UInt16(clamping: sw.port), multicast: sw.multicast,
                                interfaceAddress: sw.interfaceAddress.flatMap { IPv4Address($0) },
                                helloAndBye: sw.helloAndBye, lossRate: sw.lossRate)
        let adverts = DiscoveryAdvert.forSimulator(config, deviceServiceURL: deviceServiceURL)
        // each device drops a different pattern of answers
        settings.seed = adverts.first.map { UInt64(truncatingIfNeeded: $0.endpointReference.utf8.reduce(7) { $0 &* 31 &+ Int($1) }) } ?? 7
        self.init(adverts: adverts, settings: settings)
    }
}

extension DiscoveryResponder {
    /// The responder for a simulator whose ONVIF HTTP server is bound to `httpPort`. Its XAddr is
    /// `http://HOST:PORT/onvif/device_service` with HOST:PORT from `config.advertise` when set (NAT),
    /// else `config.host` (a host of `0.0.0.0` advertises, on each interface, that interface's address).
    public convenience init(config: SimulatorConfig, httpPort: Int) {
        let authority: String
        if let adv = config.advertise {
            authority = adv
        } else {
            let host = config.host.isEmpty ? "0.0.0.0" : config.host
            authority = (host.contains(":") ? "[\(host)]" : host) + ":\(httpPort)"
        }
        self.init(config: config, deviceServiceURL: "http://\(authority)/onvif/device_service")
    }
}
