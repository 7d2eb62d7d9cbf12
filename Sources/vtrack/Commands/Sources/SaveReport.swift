import Core

/// What `sources add/select/test --json` print: the saved source and its folder check.
struct SaveReport: Encodable {
    var source: SourceView
    var created: Bool
    var validation: PathValidation

    init(_ o: SaveConfig.Outcome) {
        source = SourceView(o.source, detailed: true, cameraPaths: SourceView.cameraPaths(of: o.source, in: o.config))
        created = o.created
        validation = o.validation
    }
}
