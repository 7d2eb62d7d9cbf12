import Foundation
import FuzzTargets

// Two builds of one program (see scripts/fuzz):
// - normal (`swift build`): `vtrack-fuzz TARGET PATH…` replays files or folders through a target
//   and says which input traps (run it under ASan to see where);
// - libFuzzer (`-DVTRACK_LIBFUZZER`, libclang_rt.fuzzer_no_main linked in): `@main` hands control
//   to libFuzzer's driver with the target named by `VTRACK_FUZZ_TARGET`; the arguments are libFuzzer's.

nonisolated(unsafe) var selected: FuzzRegistry.Target?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let run = selected else { return 0 }
    run(size > 0 && data != nil ? Data(bytes: data!, count: size) : Data())
    return 0
}

#if VTRACK_LIBFUZZER
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

@main
enum VTrackFuzz {
    static func main() {
        #if VTRACK_LIBFUZZER
        let name = ProcessInfo.processInfo.environment["VTRACK_FUZZ_TARGET"] ?? ""
        guard let run = FuzzRegistry.target(named: name) else {
            FileHandle.standardError.write(Data("VTRACK_FUZZ_TARGET must be one of: \(FuzzRegistry.names.joined(separator: " "))\n".utf8))
            exit(2)
        }
        selected = run
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
        #else
        replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    static func replay(_ args: [String]) {
        guard let name = args.first, let run = FuzzRegistry.target(named: name) else {
            print("usage: vtrack-fuzz TARGET FILE_OR_FOLDER…   targets: \(FuzzRegistry.names.joined(separator: " "))")
            exit(2)
        }
        var files: [String] = []
        for path in args.dropFirst() {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            FileHandle.standardError.write(Data("\(name): \(file)\n".utf8))  // the last one printed is the culprit of a trap
            run(data)
        }
        print("\(name): \(files.count) inputs replayed")
    }
}
