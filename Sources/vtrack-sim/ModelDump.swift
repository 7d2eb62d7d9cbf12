import Foundation
import Simulator

/// `vtrack-sim --print-model`: the simulator's own truth as JSON, so third-party clients'
/// readings can be checked against it (scripts/interop).
enum ModelDump {
    static func json(_ config: SimulatorConfig) throws -> String {
        let model = NVRModel(config: config)
        func profile(_ p: NVRModel.Profile) -> [String: Any] {
            ["token": p.token, "name": p.name, "codec": p.codec.rawValue, "width": p.width, "height": p.height, "fps": p.fps,
             "bitrate_kbps": p.bitrateKbps, "rtsp_path": p.rtspPath, "media1": p.inMedia1, "media2": p.inMedia2]
        }
        let doc: [String: Any] = [
            "manufacturer": config.manufacturer, "model": config.model, "serial_number": config.serialNumber,
            "channels": model.channels.map { ch -> [String: Any] in
                ["number": ch.number, "name": ch.name, "source_token": ch.sourceToken, "main": profile(ch.main), "sub": profile(ch.sub)]
            },
        ]
        let data = try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
