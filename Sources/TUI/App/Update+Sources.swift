import Foundation
import Common

extension AppState {
    mutating func sourcesAction(_ action: Action, _ commands: inout [Command]) {
        switch action {
        case .moveUp, .moveDown:
            let step = action == .moveUp ? -1 : 1
            if focus == .foundList {
                sources.foundCursor = clamp(sources.foundCursor + step, sources.found.count)
            } else {
                sources.savedCursor = clamp(sources.savedCursor + step, sources.saved.count)
            }
        case .openItem:
            if focus == .foundList, sources.found.indices.contains(sources.foundCursor) {
                openFound(sources.found[sources.foundCursor])
            } else if sources.saved.indices.contains(sources.savedCursor) {
                openSaved(sources.saved[sources.savedCursor])
            }
        case .addSource:
            form = FormState()
            form.videoRoot.set(config.videoRoot)
            screen = .form
            focus = .formField(.address)
        case .rediscover:
            sources.found = []
            sources.foundCursor = 0
            sources.discovering = true
            sources.discoveryProblem = nil
            commands.append(.startDiscovery)
        default:
            break
        }
    }

    /// Opens the form on a saved source (the saved password is kept unless a new one is typed).
    mutating func openSaved(_ source: SavedSource) {
        form = FormState()
        form.address.set(source.host)
        form.port.set(String(source.port))
        form.user.set(source.user)
        form.name.set(source.name)
        form.videoRoot.set(source.videoRoot ?? config.videoRoot)
        form.editingSaved = source.name
        screen = .form
        focus = .formField(.testButton)
    }

    /// Opens the form prefilled from a device found on the network.
    mutating func openFound(_ device: FoundDevice) {
        form = FormState()
        form.address.set(device.host)
        form.port.set(String(device.port))
        form.name.set(Self.sourceName(for: device.name.isEmpty ? device.host : device.name))
        form.videoRoot.set(config.videoRoot)
        screen = .form
        focus = .formField(.user)
    }

    /// A source name made from a device name or host: `nvr_` + the name, spaces as `_`.
    public static func sourceName(for text: String) -> String {
        let cleaned = text.trimmingCharacters(in: .whitespaces).map { $0 == " " || $0 == "/" || $0 == "\\" ? "_" : $0 }
        let s = String(cleaned)
        return s.lowercased().hasPrefix("nvr") ? s : "nvr_" + s
    }
}
