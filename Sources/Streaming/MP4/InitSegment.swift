/// The head of a fragmented MP4: `ftyp` and `moov` with empty sample tables and `mvex`.
/// Track 1 is video (timescale 90 kHz), track 2 is AAC audio when present.
enum InitSegment {
    static let videoTrackID: UInt32 = 1
    static let audioTrackID: UInt32 = 2
    static let videoTimescale: UInt32 = 90_000
    static let movieTimescale: UInt32 = 1000

    /// The bytes, and the file offset of the 64-bit `mehd` fragment duration (patched on close).
    static func build(video: VideoTrackFormat, audio: AudioTrackFormat?) -> (bytes: [UInt8], mehdDurationOffset: Int) {
        var w = BoxWriter(capacity: 2048)
        w.box("ftyp") { w in
            w.ascii("isom"); w.u32(0x200)
            w.ascii("isom"); w.ascii("iso6"); w.ascii("iso2"); w.ascii("mp41")
            w.ascii(video.codec == .h264 ? "avc1" : "hvc1")
        }
        var mehdOffset = 0
        w.box("moov") { w in
            w.fullBox("mvhd", version: 0, flags: 0) { w in
                w.u32(0); w.u32(0)  // creation, modification
                w.u32(movieTimescale)
                w.u32(0)  // duration: in the fragments
                w.u32(0x0001_0000); w.u16(0x0100); w.zeros(10)
                w.unityMatrix()
                w.zeros(24)
                w.u32(audio == nil ? 2 : 3)  // next_track_ID
            }
            w.box("mvex") { w in
                w.fullBox("mehd", version: 1, flags: 0) { w in
                    mehdOffset = w.bytes.count
                    w.u64(0)
                }
                trex(&w, trackID: videoTrackID)
                if audio != nil { trex(&w, trackID: audioTrackID) }
            }
            videoTrak(&w, video)
            if let a = audio { audioTrak(&w, a) }
        }
        return (w.bytes, mehdOffset)
    }

    private static func trex(_ w: inout BoxWriter, trackID: UInt32) {
        w.fullBox("trex", version: 0, flags: 0) { w in
            w.u32(trackID); w.u32(1); w.u32(0); w.u32(0); w.u32(0)
        }
    }

    private static func tkhd(_ w: inout BoxWriter, trackID: UInt32, audio: Bool, width: Int, height: Int) {
        w.fullBox("tkhd", version: 0, flags: 3) { w in
            w.u32(0); w.u32(0); w.u32(trackID); w.u32(0); w.u32(0)
            w.zeros(8)
            w.u16(0); w.u16(audio ? 1 : 0)  // layer, alternate group
            w.u16(audio ? 0x0100 : 0); w.u16(0)
            w.unityMatrix()
            w.u32(UInt32(width) << 16); w.u32(UInt32(height) << 16)
        }
    }

    private static func mdhd(_ w: inout BoxWriter, timescale: UInt32) {
        w.fullBox("mdhd", version: 0, flags: 0) { w in
            w.u32(0); w.u32(0); w.u32(timescale); w.u32(0)
            w.u16(0x55C4)  // 'und'
            w.u16(0)
        }
    }

    private static func hdlr(_ w: inout BoxWriter, type: String, name: String) {
        w.fullBox("hdlr", version: 0, flags: 0) { w in
            w.u32(0); w.ascii(type); w.zeros(12); w.ascii(name); w.u8(0)
        }
    }

    private static func dinf(_ w: inout BoxWriter) {
        w.box("dinf") { w in
            w.fullBox("dref", version: 0, flags: 0) { w in
                w.u32(1)
                w.fullBox("url ", version: 0, flags: 1) { _ in }
            }
        }
    }

    private static func emptyTables(_ w: inout BoxWriter) {
        w.fullBox("stts", version: 0, flags: 0) { w in w.u32(0) }
        w.fullBox("stsc", version: 0, flags: 0) { w in w.u32(0) }
        w.fullBox("stsz", version: 0, flags: 0) { w in w.u32(0); w.u32(0) }
        w.fullBox("stco", version: 0, flags: 0) { w in w.u32(0) }
    }

    private static func videoTrak(_ w: inout BoxWriter, _ v: VideoTrackFormat) {
        w.box("trak") { w in
            tkhd(&w, trackID: videoTrackID, audio: false, width: v.width, height: v.height)
            w.box("mdia") { w in
                mdhd(&w, timescale: videoTimescale)
                hdlr(&w, type: "vide", name: "VideoHandler")
                w.box("minf") { w in
                    w.fullBox("vmhd", version: 0, flags: 1) { w in w.zeros(8) }
                    dinf(&w)
                    w.box("stbl") { w in
                        w.fullBox("stsd", version: 0, flags: 0) { w in
                            w.u32(1)
                            w.box(v.codec == .h264 ? "avc1" : "hvc1") { w in
                                w.zeros(6); w.u16(1)  // reserved, data_reference_index
                                w.zeros(16)
                                w.u16(UInt16(clamping: v.width)); w.u16(UInt16(clamping: v.height))
                                w.u32(0x0048_0000); w.u32(0x0048_0000); w.u32(0)
                                w.u16(1)
                                var name = Array("VTrack".utf8)
                                name.insert(UInt8(name.count), at: 0)
                                name += [UInt8](repeating: 0, count: 32 - name.count)
                                w.raw(name)
                                w.u16(0x0018); w.u16(0xFFFF)
                                if v.codec == .h264 { avcC(&w, v.parameterSets) } else { hvcC(&w, v.parameterSets) }
                            }
                        }
                        emptyTables(&w)
                    }
                }
            }
        }
    }

    static func avcC(_ w: inout BoxWriter, _ ps: ParameterSets) {
        let sps = ps.sps ?? [], pps = ps.pps ?? []
        let parsed = H264SPS(nal: sps)
        w.box("avcC") { w in
            w.u8(1)
            w.u8(sps.count > 1 ? sps[1] : 66); w.u8(sps.count > 2 ? sps[2] : 0); w.u8(sps.count > 3 ? sps[3] : 30)
            w.u8(0xFF)  // lengthSizeMinusOne = 3
            w.u8(0xE1); w.u16(UInt16(sps.count)); w.raw(sps)
            w.u8(1); w.u16(UInt16(pps.count)); w.raw(pps)
            if let s = parsed, [100, 110, 122, 144].contains(s.profileIDC) {
                w.u8(0xFC | UInt8(s.chromaFormatIDC & 3))
                w.u8(0xF8 | UInt8((s.bitDepthLuma - 8) & 7))
                w.u8(0xF8 | UInt8((s.bitDepthChroma - 8) & 7))
                w.u8(0)
            }
        }
    }

    static func hvcC(_ w: inout BoxWriter, _ ps: ParameterSets) {
        let vps = ps.vps ?? [], sps = ps.sps ?? [], pps = ps.pps ?? []
        let s = H265SPS(nal: sps)
        w.box("hvcC") { w in
            w.u8(1)
            w.u8((s?.generalProfileSpace ?? 0) << 6 | (s?.generalTierFlag ?? 0) << 5 | (s?.generalProfileIDC ?? 1))
            w.u32(s?.generalProfileCompatibilityFlags ?? 0)
            let c = s?.generalConstraintIndicatorFlags ?? 0
            w.u16(UInt16(truncatingIfNeeded: c >> 32)); w.u32(UInt32(truncatingIfNeeded: c))
            w.u8(s?.generalLevelIDC ?? 93)
            w.u16(0xF000)  // min_spatial_segmentation_idc = 0
            w.u8(0xFC)  // parallelismType = 0
            w.u8(0xFC | UInt8((s?.chromaFormatIDC ?? 1) & 3))
            w.u8(0xF8 | UInt8(((s?.bitDepthLuma ?? 8) - 8) & 7))
            w.u8(0xF8 | UInt8(((s?.bitDepthChroma ?? 8) - 8) & 7))
            w.u16(0)  // avgFrameRate
            let layers = UInt8(min(max(s?.maxSubLayers ?? 1, 1), 7))
            w.u8(layers << 3 | ((s?.temporalIDNesting ?? true) ? 0x04 : 0) | 0x03)
            w.u8(3)
            for (type, nal) in [(UInt8(32), vps), (33, sps), (34, pps)] {
                w.u8(0x80 | type)  // array_completeness = 1
                w.u16(1)
                w.u16(UInt16(nal.count)); w.raw(nal)
            }
        }
    }

    private static func audioTrak(_ w: inout BoxWriter, _ a: AudioTrackFormat) {
        w.box("trak") { w in
            tkhd(&w, trackID: audioTrackID, audio: true, width: 0, height: 0)
            w.box("mdia") { w in
                mdhd(&w, timescale: UInt32(a.sampleRate))
                hdlr(&w, type: "soun", name: "SoundHandler")
                w.box("minf") { w in
                    w.fullBox("smhd", version: 0, flags: 0) { w in w.u32(0) }
                    dinf(&w)
                    w.box("stbl") { w in
                        w.fullBox("stsd", version: 0, flags: 0) { w in
                            w.u32(1)
                            w.box("mp4a") { w in
                                w.zeros(6); w.u16(1)
                                w.zeros(8)
                                w.u16(UInt16(a.channels)); w.u16(16); w.u16(0); w.u16(0)
                                w.u32(UInt32(min(a.sampleRate, 65535)) << 16)
                                w.fullBox("esds", version: 0, flags: 0) { w in
                                    w.descriptor(tag: 3) { w in
                                        w.u16(UInt16(audioTrackID)); w.u8(0)
                                        w.descriptor(tag: 4) { w in
                                            w.u8(0x40); w.u8(0x15); w.u24(0); w.u32(0); w.u32(0)
                                            w.descriptor(tag: 5) { w in w.raw(a.audioSpecificConfig) }
                                        }
                                        w.descriptor(tag: 6) { w in w.u8(2) }
                                    }
                                }
                            }
                        }
                        emptyTables(&w)
                    }
                }
            }
        }
    }
}
