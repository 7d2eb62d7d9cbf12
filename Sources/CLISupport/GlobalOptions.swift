import ArgumentParser
import Common

/// Options every subcommand accepts. Add with `@OptionGroup var global: GlobalOptions` and call
/// `global.apply()` first thing in `run()`.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("lang"), help: "Language of messages: vi or en (default: from LANG).")
    public var language: Language?

    public init() {}

    /// Makes the chosen language the process's.
    public func apply() {
        if let language { Language.current = language }
    }
}

extension Language: ExpressibleByArgument {}
