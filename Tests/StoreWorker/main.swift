// A helper process for StoreTests: opens the database (running the migrations if needed) and does
// `--count` write transactions that each upsert a source, save its password and increment
// processing_config.default_days (read-modify-write). Two of these run at once in the
// two-process tests; a lost update or a "database is locked" failure shows up as a wrong total
// or a non-zero exit.
import Common
import Foundation
import Store

let args = Array(CommandLine.arguments.dropFirst())
func value(_ flag: String) -> String? {
    guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
    return args[i + 1]
}
guard let db = value("--db"), let key = value("--key"), let id = value("--id") else {
    FileHandle.standardError.write(Data("usage: vtrack-store-worker --db PATH --key FILE --id N [--count K] [--ready FILE --wait-for FILE]\n".utf8))
    exit(64)
}
let count = Int(value("--count") ?? "100") ?? 100
if let ready = value("--ready") { // says "started" to the test, which then says "go"
    _ = FileManager.default.createFile(atPath: ready, contents: Data())
}
if let go = value("--wait-for") {
    while !FileManager.default.fileExists(atPath: go) { usleep(1000) }
}
do {
    let repo = try Repository(locations: StoreLocations(databaseFile: db, keyFile: key), busyTimeout: Double(value("--busy-timeout") ?? "30") ?? 30)
    for i in 0 ..< count {
        try repo.write { tx in
            let (source, _) = try tx.upsertSource(name: "worker-\(id)-\(i % 10)",
                                                  config: SourceConfig(url: "10.0.\(id).\(i % 10)", port: 80, username: "admin"))
            try tx.setPassword("pw-\(id)-\(i)", for: source)
            try tx.updateProcessingConfig { c in
                let before = c.rowID == nil ? 0 : c.defaultDays
                usleep(500) // hold the write lock a little so the other process must wait
                c.defaultDays = before + 1
            }
        }
    }
    print("ok \(id)")
} catch {
    print("error \(id): \(error)")
    exit(1)
}
