/// A preset the simulated camera keeps in memory.
public struct SimPTZPreset: Sendable, Equatable {
    public var token: String
    public var name: String
    public var position: SimPTZPosition

    public init(token: String, name: String, position: SimPTZPosition) {
        self.token = token; self.name = name; self.position = position
    }
}
