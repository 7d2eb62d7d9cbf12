/// How Profile G searches are run (FindRecordings, FindEvents and their result pages).
public struct SearchOptions: Sendable, Equatable {
    /// KeepAliveTime asked for each search session, seconds: the device forgets the session after
    /// this long without a request.
    public var keepAliveSeconds: Double = 30
    /// WaitTime of each results request, seconds: the device may hold the answer this long while
    /// it searches. The HTTP timeout of those requests is this plus `ClientOptions.requestTimeout`.
    public var waitSeconds: Double = 5
    /// MaxResults per page.
    public var pageSize: Int = 100
    /// How often a search whose session the device forgot (InvalidToken) is started again.
    public var maxRestarts: Int = 2
    /// Give up on a search that is still not complete after this many seconds.
    public var deadlineSeconds: Double = 120

    public init(keepAliveSeconds: Double = 30, waitSeconds: Double = 5, pageSize: Int = 100, maxRestarts: Int = 2,
                deadlineSeconds: Double = 120) {
        self.keepAliveSeconds = max(1, keepAliveSeconds)
        self.waitSeconds = max(0, waitSeconds)
        self.pageSize = max(1, pageSize)
        self.maxRestarts = max(0, maxRestarts)
        self.deadlineSeconds = max(1, deadlineSeconds)
    }
}
