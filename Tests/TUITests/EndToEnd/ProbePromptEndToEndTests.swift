import Foundation
import Simulator
import Testing
import TestSupport

/// `vtrack probe --user U` with no other password source asks for it on the terminal, without
/// echo, and uses it (the third of the three password sources; the other two have CLI tests).
@Suite(.enabled(if: Tmux.available, "tmux is not installed: these end-to-end tests need it (scripts/install-deps --test installs it)"))
struct ProbePromptEndToEndTests {
    @Test func probeAsksForThePasswordWithoutEcho() throws {
        var config = SimulatorConfig()
        config.port = 0
        config.password = "typed-S3cret"
        let sim = Simulator(config: config)
        try sim.start()
        defer { sim.stop() }
        let command = "\(Tmux.quote(BuiltProducts.path("vtrack"))) probe 127.0.0.1:\(sim.httpPort) --user admin --lang en"
        let t = try Tmux(width: 140, height: 30, command: command, environment: ["LANG": "C.UTF-8"])
        var r = t.wait(for: "Password for admin:")
        #expect(r.ok, "no prompt:\n\(r.screen)")
        t.type("typed-S3cret")
        t.keys("Enter")
        r = t.wait(for: "EXIT:")
        #expect(r.screen.contains("EXIT:0"), "\(r.screen)")
        #expect(r.screen.contains("Cameras: 4"), "\(r.screen)")
        #expect(!r.screen.contains("typed-S3cret"), "the password was echoed:\n\(r.screen)")
    }
}
