/// An error a test helper throws when what the test needs cannot be set up (a program does not
/// start, a server never says ready); its description says what happened.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
