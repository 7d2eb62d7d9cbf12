// pictures-bench: the measuring tool behind bench/pictures.sh.
//   pictures-bench speed MAIN_1080P.h264 SUB_360P.h264 SUB_360P.h265 [RUNS]
//       decode, scale, encode, cells, sixel/kitty and key-frame figures, each next to a baseline
//       measured in the same process (median of RUNS runs, wall and CPU milliseconds)
//   pictures-bench pairs FILE…
//       distinct (fg,bg) pairs of a 200x60 grid of the pictures (JPEG/PNG files or .h264/.h265
//       key frames) in 256-colour cells, and per picture at 200x60
import Foundation
import Glibc
import Pictures

@main
enum PicturesBench {
    static func main() {
        let args = CommandLine.arguments
        do {
            switch args.count > 1 ? args[1] : "" {
            case "speed" where args.count >= 5:
                try speed(main: args[2], sub264: args[3], sub265: args[4], runs: args.count > 5 ? Int(args[5]) ?? 30 : 30)
            case "pairs" where args.count >= 3:
                try pairs(Array(args.dropFirst(2)))
            default:
                fail("usage: pictures-bench speed MAIN.h264 SUB.h264 SUB.h265 [RUNS] | pairs FILE…")
            }
        } catch {
            fail("\(error)")
        }
    }

    static func fail(_ s: String) -> Never {
        FileHandle.standardError.write(Data((s + "\n").utf8))
        exit(1)
    }

    static func clock(_ id: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(id, &ts)
        return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
    }

    /// Median wall and CPU milliseconds of `body` over `runs` runs (after two warm-up runs).
    static func time(_ runs: Int, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        try body(); try body()
        var walls: [Double] = [], cpus: [Double] = []
        for _ in 0..<runs {
            let w0 = clock(CLOCK_MONOTONIC), c0 = clock(CLOCK_PROCESS_CPUTIME_ID)
            try body()
            walls.append(clock(CLOCK_MONOTONIC) - w0)
            cpus.append(clock(CLOCK_PROCESS_CPUTIME_ID) - c0)
        }
        return (walls.sorted()[runs / 2], cpus.sorted()[runs / 2])
    }

    static func row(_ name: String, _ t: (wall: Double, cpu: Double), baseline: String, _ b: (wall: Double, cpu: Double)) {
        let line = String(format: "%-44@ %8.2f ms (CPU %7.2f)   baseline %-34@ %8.3f ms   ratio %7.1f",
                          name as NSString, t.wall, t.cpu, baseline as NSString, b.wall, t.wall / max(b.wall, 0.0005))
        print(line)
    }

    // MARK: baselines: the simplest code that does the same job, in plain Swift

    /// Copies `bytes` (the floor any decoder producing that many bytes of output must pay).
    static func copy(_ bytes: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            bytes.withUnsafeBufferPointer { buffer.baseAddress!.update(from: $0.baseAddress!, count: $0.count) }
            count = bytes.count
        }
    }

    /// Nearest-neighbour scaling.
    static func nearest(_ p: Picture, _ w: Int, _ h: Int) -> Picture {
        var out = [UInt8](repeating: 0, count: w * h * 3)
        p.rgb.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let sy = y * p.height / h
                    for x in 0..<w {
                        let s = (sy * p.width + x * p.width / w) * 3, d = (y * w + x) * 3
                        dst[d] = src[s]; dst[d + 1] = src[s + 1]; dst[d + 2] = src[s + 2]
                    }
                }
            }
        }
        return Picture(width: w, height: h, rgb: out)
    }

    /// The naive cell renderer: every cell an upper half block, fg the average of its top half,
    /// bg of its bottom half (no symbol choice, no palette).
    static func halfBlocks(_ p: Picture, columns: Int, rows: Int) -> [PictureCell] {
        var cells: [PictureCell] = []
        cells.reserveCapacity(columns * rows)
        p.rgb.withUnsafeBufferPointer { px in
            func average(_ x0: Int, _ x1: Int, _ y0: Int, _ y1: Int) -> RGB {
                var r = 0, g = 0, b = 0, n = 0
                for y in y0..<max(y1, y0 + 1) {
                    for x in x0..<max(x1, x0 + 1) {
                        let i = (y * p.width + x) * 3
                        r += Int(px[i]); g += Int(px[i + 1]); b += Int(px[i + 2]); n += 1
                    }
                }
                return RGB(UInt8(r / n), UInt8(g / n), UInt8(b / n))
            }
            for row in 0..<rows {
                let y0 = row * p.height / rows, ym = (2 * row + 1) * p.height / (2 * rows), y1 = (row + 1) * p.height / rows
                for col in 0..<columns {
                    let x0 = col * p.width / columns, x1 = (col + 1) * p.width / columns
                    cells.append(PictureCell(text: "▀", fg: average(x0, x1, y0, ym), bg: average(x0, x1, ym, y1)))
                }
            }
        }
        return cells
    }

    // MARK: inputs

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let d = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        return [UInt8](d)
    }

    /// The first access unit (parameter sets and the key frame's slices) of an Annex-B file.
    static func firstAccessUnit(_ data: [UInt8], codec: VideoCodecKind) -> [UInt8] {
        var i = 0, sawSlice = false
        while i + 4 < data.count {
            if data[i] == 0, data[i + 1] == 0, data[i + 2] == 1 {
                let h = data[i + 3]
                let slice = codec == .h264 ? [1, 5].contains(h & 0x1F) : (h >> 1) & 0x3F < 32
                let sliceStart: Bool
                if codec == .h264 {
                    sliceStart = slice && data[i + 4] & 0x80 != 0  // first_mb_in_slice == 0
                } else {
                    sliceStart = slice && i + 5 < data.count && data[i + 5] & 0x80 != 0  // first_slice_segment_in_pic_flag
                }
                let isParam = codec == .h264 ? [6, 7, 8, 9].contains(h & 0x1F) : [32, 33, 34, 35, 39].contains((h >> 1) & 0x3F)
                if sawSlice && (sliceStart || isParam) { return Array(data[..<(i > 0 && data[i - 1] == 0 ? i - 1 : i)]) }
                if slice { sawSlice = true }
                i += 3
            } else {
                i += 1
            }
        }
        return data
    }

    static func picture(_ path: String) throws -> Picture {
        let data = try bytes(path)
        if path.hasSuffix(".h264") { return try VideoFrameDecoder.decodeKeyFrame(firstAccessUnit(data, codec: .h264), codec: .h264) }
        if path.hasSuffix(".h265") { return try VideoFrameDecoder.decodeKeyFrame(firstAccessUnit(data, codec: .h265), codec: .h265) }
        return try ImageDecoder.decode(data)
    }

    // MARK: speed

    static func speed(main: String, sub264: String, sub265: String, runs: Int) throws {
        print("libraries: \(PictureLibraries.versions); \(runs) runs each, median; chafa's own threads as it starts them")
        let full = try picture(main)
        let jpeg = try JPEGEncoder.encode(full, quality: 85)
        print("input: the simulator's 1080p key frame (\(full.resolution)) as a q85 JPEG of \(jpeg.count / 1024) KB")

        var sink = 0
        row("JPEG decode 1920x1080 -> RGB", try time(runs) { sink &+= try ImageDecoder.decode(jpeg).width },
            baseline: "memcpy of its 6 MB of RGB", time(runs) { sink &+= copy(full.rgb).count })
        row("JPEG encode 1920x1080 q85", try time(runs) { sink &+= try JPEGEncoder.encode(full).count },
            baseline: "memcpy of its 6 MB of RGB", time(runs) { sink &+= copy(full.rgb).count })
        row("scale 1920x1080 -> 320x180 (area)", try time(runs) { sink &+= try PictureScaler.scale(full, width: 320, height: 180).width },
            baseline: "nearest neighbour in Swift", time(runs) { sink &+= nearest(full, 320, 180).width })

        let sub = try picture(sub264)
        let au264 = firstAccessUnit(try bytes(sub264), codec: .h264)
        let au265 = firstAccessUnit(try bytes(sub265), codec: .h265)
        row("key frame H.264 640x360 -> RGB", try time(runs) {
            sink &+= try VideoFrameDecoder.decodeKeyFrame(au264, codec: .h264).width
        }, baseline: "memcpy of its 0.7 MB of RGB", time(runs) { sink &+= copy(sub.rgb).count })
        row("key frame H.265 640x360 -> RGB", try time(runs) {
            sink &+= try VideoFrameDecoder.decodeKeyFrame(au265, codec: .h265).width
        }, baseline: "memcpy of its 0.7 MB of RGB", time(runs) { sink &+= copy(sub.rgb).count })

        let naive = time(runs) { sink &+= halfBlocks(sub, columns: 160, rows: 45).count }
        for depth in [ColorDepth.trueColor, .indexed256, .indexed16, .none] {
            row("cells 160x45 \(depth.rawValue) from 640x360", time(runs) {
                sink &+= CellRenderer.render(sub, columns: 160, rows: 45, depth: depth).cells.count
            }, baseline: "naive half blocks in Swift", naive)
        }
        for depth in [ColorDepth.trueColor, .indexed256] {
            row("half blocks 160x45 \(depth.rawValue) from 640x360", time(runs) {
                sink &+= CellRenderer.halfBlocks(sub, columns: 160, rows: 45, depth: depth).cells.count
            }, baseline: "naive half blocks in Swift", naive)
        }
        let naiveFull = time(runs) { sink &+= halfBlocks(full, columns: 160, rows: 45).count }
        row("cells 160x45 256 from 1920x1080", time(runs) {
            sink &+= CellRenderer.render(full, columns: 160, rows: 45, depth: .indexed256).cells.count
        }, baseline: "naive half blocks in Swift", naiveFull)
        row("preview frame: JPEG 1080p -> cells 160x45", try time(runs) {
            sink &+= CellRenderer.render(try ImageDecoder.decode(jpeg), columns: 160, rows: 45, depth: .indexed256).cells.count
        }, baseline: "naive half blocks in Swift", naiveFull)
        row("preview frame, half blocks: JPEG 1080p -> 160x45", try time(runs) {
            sink &+= CellRenderer.halfBlocks(try ImageDecoder.decode(jpeg), columns: 160, rows: 45, depth: .indexed256).cells.count
        }, baseline: "naive half blocks in Swift", naiveFull)
        row("preview frame, half blocks, decode to fit", try time(runs) {
            let p = try ImageDecoder.decode(jpeg, maxWidth: 160, maxHeight: 90)
            sink &+= CellRenderer.halfBlocks(p, columns: 160, rows: 45, depth: .indexed256).cells.count
        }, baseline: "naive half blocks in Swift", naiveFull)
        row("preview frame, chafa, decode to fit 1280x360", try time(runs) {
            let p = try ImageDecoder.decode(jpeg, maxWidth: 1280, maxHeight: 360)
            sink &+= CellRenderer.render(p, columns: 160, rows: 45, depth: .indexed256).cells.count
        }, baseline: "naive half blocks in Swift", naiveFull)
        row("JPEG 1080p decode to fit 320x180", try time(runs) { sink &+= try ImageDecoder.decode(jpeg, maxWidth: 320, maxHeight: 180).width },
            baseline: "memcpy of its 6 MB of RGB", time(runs) { sink &+= copy(full.rgb).count })
        row("sixel 160x45 cells (1600x900 px) from 640x360", time(runs) {
            sink &+= PixelRenderer.sixel(sub, columns: 160, rows: 45).utf8.count
        }, baseline: "memcpy of its 0.7 MB of RGB", time(runs) { sink &+= copy(sub.rgb).count })
        row("kitty 160x45 cells (1600x900 px) from 640x360", time(runs) {
            sink &+= PixelRenderer.kitty(sub, columns: 160, rows: 45).utf8.count
        }, baseline: "memcpy of its 0.7 MB of RGB", time(runs) { sink &+= copy(sub.rgb).count })

        // Live view: a stateful decoder fed the sub stream's access units in order.
        let units = accessUnits(try bytes(sub264), codec: .h264)
        let decoder = try VideoFrameDecoder(codec: .h264)
        var pictures = 0
        let w0 = clock(CLOCK_MONOTONIC), c0 = clock(CLOCK_PROCESS_CPUTIME_ID)
        for u in units where try decoder.decode(accessUnit: u) != nil { pictures += 1 }
        let wall = clock(CLOCK_MONOTONIC) - w0, cpu = clock(CLOCK_PROCESS_CPUTIME_ID) - c0
        print(String(format: "live decode H.264 640x360: %d access units -> %d pictures, %.2f ms each (CPU %.2f)",
                     units.count, pictures, wall / Double(max(1, pictures)), cpu / Double(max(1, pictures))))
        let sixel = PixelRenderer.sixel(sub, columns: 160, rows: 45).utf8.count
        let kitty = PixelRenderer.kitty(sub, columns: 160, rows: 45).utf8.count
        print("output sizes at 160x45: sixel \(sixel / 1024) KB, kitty \(kitty / 1024) KB")
        if sink == 42 { print("") }
    }

    /// Annex-B data cut into access units at each first slice of a picture.
    static func accessUnits(_ data: [UInt8], codec: VideoCodecKind) -> [[UInt8]] {
        var rest = data[...], out: [[UInt8]] = []
        while !rest.isEmpty {
            let unit = firstAccessUnit(Array(rest), codec: codec)
            out.append(unit)
            rest = rest.dropFirst(unit.count)
        }
        return out
    }

    // MARK: colour pairs

    static func pairs(_ paths: [String]) throws {
        let pictures = try paths.map(picture)
        // A 200x60 screen of tiles: 4 x 3 tiles of 50x20 cells (the grid of 12 cameras).
        let (columns, rows) = (200, 60), (tw, th) = (50, 20)
        var grid = Set<PictureCellPair>()
        var perTile: [Int] = []
        for (n, p) in pictures.prefix(12).enumerated() {
            let image = CellRenderer.render(p, columns: tw, rows: th, depth: .indexed256)
            let tile = Set(image.cells.map(PictureCellPair.init))
            perTile.append(tile.count)
            grid.formUnion(tile)
            _ = n
        }
        var fastGrid = Set<PictureCellPair>()
        for p in pictures.prefix(12) {
            fastGrid.formUnion(CellRenderer.halfBlocks(p, columns: tw, rows: th, depth: .indexed256).cells.map(PictureCellPair.init))
        }
        var full: [Int] = [], union = Set<PictureCellPair>()
        for p in pictures {
            let image = CellRenderer.render(p, columns: columns, rows: rows, depth: .indexed256)
            let s = Set(image.cells.map(PictureCellPair.init))
            full.append(s.count)
            union.formUnion(s)
        }
        let colours = Set(union.flatMap { [$0.fg, $0.bg] }).count
        print("pictures: \(pictures.count) (\(pictures.map(\.resolution).joined(separator: ", ")))")
        print("grid 200x60 of 4x3 tiles (50x20 cells each), 256 colours: \(grid.count) distinct (fg,bg) pairs; per tile \(perTile.map(String.init).joined(separator: " "))")
        print("the same grid with half blocks (CellRenderer.halfBlocks): \(fastGrid.count) distinct pairs")
        print("each picture alone at 200x60: min \(full.min() ?? 0), median \(full.sorted()[full.count / 2]), max \(full.max() ?? 0) pairs; all \(pictures.count) together \(union.count) pairs of \(colours) colours")
    }
}

/// A cell's colour pair (nil: the terminal's default).
struct PictureCellPair: Hashable {
    let fg: RGB?
    let bg: RGB?
    init(_ c: PictureCell) { fg = c.fg; bg = c.bg }
}
