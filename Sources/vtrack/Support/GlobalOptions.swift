import ArgumentParser
import Common

/// Options every subcommand accepts. Add with `@OptionGroup var global: GlobalOptions` and call
/// `global.apply()` first thing in `run()`.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of messages: vi or en (default: from LANG).")
    var language: Language?

    /// Makes the chosen language the process's.
    func apply() {
        if let language { Language.current = language }
    }
}

extension Language: ExpressibleByArgument {}
