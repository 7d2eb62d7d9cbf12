import PackagePlugin

/// Enforces the arrows of Package.swift at build time: a target may import only the modules of
/// this package it names as direct dependencies. SwiftPM itself lets a target import any module
/// built before it (a front could `import ONVIF` through Core's dependencies); this check turns
/// that into a build error naming the file, the line and the way round.
@main
struct ImportRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let local = Set(context.package.targets.map(\.name))
        var allowed: Set<String> = [target.name]
        for dependency in target.dependencies {
            switch dependency {
            case let .target(t): allowed.insert(t.name)
            case let .product(p): allowed.formUnion(p.targets.map(\.name))
            @unknown default: break
            }
        }
        let forbidden = local.subtracting(allowed).sorted()
        let sources = module.sourceFiles(withSuffix: "swift").map(\.url)
        let stamp = context.pluginWorkDirectoryURL.appending(path: "ImportRules-\(target.name).swift")
        return [.buildCommand(
            displayName: "Checking the imports of \(target.name)",
            executable: try context.tool(named: "import-rules").url,
            arguments: [target.name, stamp.path(percentEncoded: false), forbidden.joined(separator: ",")]
                + sources.map { $0.path(percentEncoded: false) },
            inputFiles: sources,
            outputFiles: [stamp])]
    }
}
