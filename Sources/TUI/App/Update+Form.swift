import Foundation
import Common

extension AppState {
    mutating func formAction(_ action: Action, _ commands: inout [Command]) {
        guard case let .formField(field) = focus else { return }
        switch action {
        case .nextField:
            if field == .testButton { startTest(&commands) } else { focus = .formField(FormField(rawValue: field.rawValue + 1)!) }
        case .previousField:
            focus = .formField(FormField(rawValue: max(0, field.rawValue - 1))!)
        case .testSource:
            startTest(&commands)
        case .clearField:
            if field.isText { form[field].clear() }
        default:
            break
        }
    }

    /// Checks the form and, when it reads well, asks the engine to test the source.
    mutating func startTest(_ commands: inout [Command]) {
        guard !form.testing else { return }
        let host = form.address.text.trimmingCharacters(in: .whitespaces)
        if host.isEmpty {
            failForm(.address, UIText.needAddress); return
        }
        guard let port = Int(form.port.text), (1...65_535).contains(port) else {
            failForm(.port, UIText.badPort); return
        }
        if form.name.text.trimmingCharacters(in: .whitespaces).isEmpty {
            form.name.set(Self.sourceName(for: host))
        }
        if form.videoRoot.text.trimmingCharacters(in: .whitespaces).isEmpty {
            form.videoRoot.set(config.videoRoot)
        }
        let keepSaved = form.password.text.isEmpty && form.editingSaved != nil
        let connection = Connection(name: form.name.text.trimmingCharacters(in: .whitespaces), host: host, port: port,
                                    user: form.user.text, password: keepSaved ? nil : form.password.text,
                                    videoRoot: form.videoRoot.text.trimmingCharacters(in: .whitespaces))
        form.testing = true
        form.outcome = Notice(UIText.testing(host: host, port: port), level: .info)
        addLog(.info, UIText.testing(host: host, port: port))
        commands.append(.probe(connection))
    }

    mutating func failForm(_ field: FormField, _ message: Localized) {
        form.outcome = Notice(message, level: .error)
        focus = .formField(field)
    }
}
