import ArgumentParser
import Common
import Foundation
import TUI

/// `vtrack keys --markdown`: the key table the README shows, generated from the keymap.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Print the terminal app's key bindings.", shouldDisplay: false)

    @Flag(help: "Print the README's Markdown table.")
    var markdown = false

    @Option(help: "Language of the plain listing: vi or en.")
    var lang: String = "en"

    func run() throws {
        if markdown { print(Keymap.markdown(), terminator: ""); return }
        let l = Language(rawValue: lang) ?? .en
        for context in KeyContext.allCases {
            print(context.title.text(l))
            for b in Keymap.bindings(in: context) { print("  " + b.keysLabel.padding(toLength: 20, withPad: " ", startingAt: 0) + b.description.text(l)) }
        }
    }
}

/// `vtrack tui-scene NAME`: one sample screen as text or HTML (for screenshots and docs).
struct TUIScene: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui-scene", abstract: "Render a sample screen of the terminal app.", shouldDisplay: false)

    @Argument(help: "Scene: \(SampleScenes.Scene.allCases.map(\.rawValue).joined(separator: ", ")), or 'list'.")
    var scene: String

    @Option(help: "Size as WIDTHxHEIGHT.") var size: String = "120x40"
    @Option(help: "vi or en.") var lang: String = "en"
    @Option(help: "Theme name or path.") var theme: String = "default"
    @Flag(help: "Print an HTML page (one fixed-width span per cell, theme colours) instead of text.") var html = false

    func run() throws {
        if scene == "list" { SampleScenes.Scene.allCases.forEach { print($0.rawValue) }; return }
        guard let sc = SampleScenes.Scene(rawValue: scene) else { throw ValidationError("unknown scene \(scene)") }
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw ValidationError("--size must look like 120x40") }
        let t = try ThemeLoader.load(theme, environment: [:])
        let state = SampleScenes.state(sc, lang: Language(rawValue: lang) ?? .en, theme: t, width: parts[0], height: parts[1])
        let buffer = state.rendered()
        print(html ? HTMLExport.page(buffer, title: "VTrack — \(scene)") : buffer.plainText)
    }
}
