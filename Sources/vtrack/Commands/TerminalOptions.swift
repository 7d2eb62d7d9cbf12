import ArgumentParser
import Common
import Core
import Foundation
import NcursesBackend
import Pictures
import TUI

extension GraphicsMode: ExpressibleByArgument {}

/// Options of the full-screen terminal app (`vtrack` with no subcommand, and `vtrack demo`).
struct TerminalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Colour theme: default, light, high-contrast, monochrome, or a path to a .theme file (default: `theme =` in ~/.config/vtrack/tui.conf).", valueName: "name"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("Language of the app: vi or en (default: from LANG; vi_* gives Vietnamese).", valueName: "vi|en"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("How camera pictures are drawn: auto (sixel or kitty graphics where the terminal has them, outside tmux/screen; cells otherwise), cells (coloured symbols: works everywhere, over SSH and in tmux), sixel, kitty, or none (default: `graphics =` in ~/.config/vtrack/tui.conf, else auto).", valueName: "mode"))
    var graphics: GraphicsMode?

    /// How pictures are drawn on this terminal: the option, else the settings file's, else
    /// auto, resolved for the environment (NO_COLOR gives ASCII shades).
    /// - Parameter askTerminal: asks the terminal whether it draws sixels (DA1); only called
    ///   for `auto` when the environment alone leaves cells and an answer could change that.
    func pictureSettings(_ settings: TerminalSettings = TerminalSettings(),
                         environment: [String: String] = ProcessInfo.processInfo.environment,
                         askTerminal: () -> Bool = { TerminalQuery.answersSixel() }) -> PictureSettings {
        let requested = graphics ?? settings.graphics ?? .auto
        var mode = GraphicsMode.resolve(requested, environment: environment)
        if requested == .auto, mode == .cells, GraphicsMode.resolve(.auto, environment: environment, answeredSixel: true) == .sixel,
           askTerminal() {
            mode = .sixel
        }
        return PictureSettings(graphics: mode, depth: ColorDepth.detect(environment: environment),
                               previewRefresh: settings.previewRefresh ?? 1)
    }

    /// The language asked for, else the settings file's, else the environment's.
    func language(_ settings: TerminalSettings = TerminalSettings()) throws -> Language {
        guard let lang else { return settings.lang ?? Language.fromEnvironment() }
        guard let l = Language(rawValue: lang.lowercased()) else {
            throw ValidationError("--lang must be vi or en (got “\(lang)”).")
        }
        return l
    }
}

/// Opens the terminal app on the current terminal.
enum TerminalLauncher {
    /// The language and theme to open with, once the options read well and a terminal is there
    /// (checked before anything is started).
    static func check(_ options: TerminalOptions) throws -> (Language, Theme, PictureSettings) {
        let settings = TerminalSettings.load()
        let lang = try options.language(settings)
        Language.current = lang
        let theme: Theme
        do {
            theme = try ThemeLoader.load(options.theme ?? settings.theme)
        } catch {
            throw ValidationError(error.message.text(lang))
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError(Localized(vi: "vtrack cần một terminal để mở giao diện; dùng lệnh con cho script (vtrack --help).",
                                             en: "vtrack needs a terminal to open the app; use a subcommand in scripts (vtrack --help).").text(lang))
        }
        return (lang, theme, options.pictureSettings(settings))
    }

    /// Opens the app with what ``check(_:)`` returned. When the terminal cannot be taken over,
    /// `runner` is shut down and the error thrown.
    static func open(_ checked: (Language, Theme, PictureSettings), runner: any CommandRunning,
                     prepare: (inout AppState) -> Void = { _ in }) throws -> Never {
        let (lang, theme, pictures) = checked
        var state = AppState(lang: lang, theme: theme, now: Date(), utcOffset: TimeZone.current.secondsFromGMT())
        state.pictureSettings = pictures
        state.sources.loadStatus = .loading
        state.sources.discovering = true
        prepare(&state)
        let app = TerminalApp(state: state, engine: runner)
        do {
            try app.run()
        } catch {
            runner.shutdown()
            throw error
        }
    }
}

/// `vtrack` with no subcommand (or `vtrack tui`): the full-screen terminal app.
struct TerminalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui", abstract: "Open the full-screen terminal app (what `vtrack` alone does).")

    @OptionGroup var terminal: TerminalOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        try TerminalLauncher.open(TerminalLauncher.check(terminal), runner: EngineCommandRunner(locations: StoreLocations.standard(databaseFile: store.databaseFile)))
    }
}
