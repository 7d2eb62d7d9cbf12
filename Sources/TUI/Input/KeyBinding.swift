import Common

/// One row of the keymap: keys, the action they trigger, and how the help shows it.
public struct KeyBinding: Sendable {
    public let context: KeyContext
    public let keys: [Key]
    public let action: Action
    /// The sentence in the `?` overlay and the README.
    public let description: Localized
    /// The word in the bottom help bar; nil keeps the binding out of the bar.
    public let short: Localized?
    /// The keys as the help bar shows them when one entry stands for several bindings
    /// (`←↑↓→` for the four moves); nil uses the first key.
    public let barKeys: String?
    /// The screen's main keys: when the help bar is too narrow for every key, these stay
    /// (with `?` help and `q` quit) and the others go first.
    public let primary: Bool

    public init(_ context: KeyContext, _ keys: [Key], _ action: Action, _ description: Localized, short: Localized? = nil,
                barKeys: String? = nil, primary: Bool = false) {
        self.context = context; self.keys = keys; self.action = action
        self.description = description; self.short = short; self.barKeys = barKeys; self.primary = primary
    }

    /// The keys as shown to people: `j / ↓`; a long run of keys (the digits 1–9) as its bar label.
    public var keysLabel: String {
        if keys.count > 4, let barKeys { return barKeys }
        return keys.map(\.label).joined(separator: " / ")
    }

    /// The shortest label of the keys, for the help bar.
    public var shortKeysLabel: String {
        if keys.count > 1, keys.allSatisfy({ [.up, .down, .left, .right].contains($0) || $0.printable.map { "hjkl".contains($0) } == true }) {
            let arrows = keys.filter { [.up, .down, .left, .right].contains($0) }
            return arrows.map(\.label).joined()
        }
        return keys.first?.label ?? ""
    }
}
