#!/usr/bin/env python3
"""Writes the hand-made seeds of Fuzz/corpus/ (field quirks of /work/shared/field-quirks.md and
RTP packets cut from the simulator's assets). Answers captured from the simulator are written by
a one-off capture (OPTIONS…PLAY and SOAP requests against vtrack-sim, kept
   under Fuzz/corpus/*/sim-*); what vtrack itself sends and saves (the simhttp, simrtsp and store
   seeds named client-*) by Fuzz/capture-seeds.py. All are committed, so these only run when
   seeds change."""
import os, struct, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")

def put(target, name, data):
    d = os.path.join(root, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

def put_all(target, files):
    for name, data in files.items():
        put(target, name, data)

S12 = "http://www.w3.org/2003/05/soap-envelope"
S11 = "http://schemas.xmlsoap.org/soap/envelope/"

def env(body, ns=S12, extra=""):
    return f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="{ns}"{extra}><s:Body>{body}</s:Body></s:Envelope>'

# --- XML / SOAP (A6, A9, A11, B3, B6, E5) ---
xml = {
    "undeclared-ter-prefix.xml": env('<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">Sender not Authorized</s:Text></s:Reason></s:Fault>'),
    "mc-prefixes.xml": '<?xml version="1.0"?><MC1:Envelope xmlns:MC1="http://www.w3.org/2003/05/soap-envelope" xmlns:MC2="http://www.onvif.org/ver10/media/wsdl"><MC1:Body><MC2:GetStreamUriResponse><MC2:MediaUri><Uri>\n  rtsp://192.168.1.10:554/cam/realmonitor?channel=1&amp;subtype=0&amp;unicast=true&amp;proto=Onvif  \n</Uri><InvalidAfterConnect>false</InvalidAfterConnect><InvalidAfterReboot>false</InvalidAfterReboot><Timeout>PT0S</Timeout></MC2:MediaUri></MC2:GetStreamUriResponse></MC1:Body></MC1:Envelope>',
    "entities-cdata-comments.xml": '<?xml version="1.0"?><!DOCTYPE x><!-- c --><a x=\'1\' y="&lt;&#65;&#x42;&quot;"><![CDATA[<raw>]]>t&amp;u<?pi x?><b/><c></c></a>',
    "truncated.xml": env('<tds:GetDeviceInformationResponse xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><tds:Manufacturer>Hik')[:150],
    "html-401.xml": "<html><head><title>401 Unauthorized</title></head><body><h1>401</h1></body></html>",
    "deep.xml": "<a>" * 200 + "x" + "</a>" * 200,
    "bom-utf16ish.xml": b"\xef\xbb\xbf<?xml version='1.0'?><r>\xc3\xa9\xff\xfe</r>",
}
put_all("xml", xml)

tt = ' xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tr2="http://www.onvif.org/ver20/media/wsdl" xmlns:tse="http://www.onvif.org/ver10/search/wsdl"'
soap = {
    "fault-soap11.bin": "\x03" + env("<s:Fault><faultcode>s:Client</faultcode><faultstring>The [action] cannot be processed at the receiver</faultstring></s:Fault>", S11),
    "fault-soap12-lockout.bin": "\x03" + env('<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode></s:Code><s:Reason><s:Text>Invalid username or password! You still have 22 attempt(s)</s:Text></s:Reason><s:Detail><s:Text>Wsse authorized time check failed</s:Text></s:Detail></s:Fault>'),
    "empty-200.bin": "\x00",
    "html-401.bin": "\x05<html><body>401 Unauthorized</body></html>",
    "sdt-local-only.bin": "\x00" + env('<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>Manual</tt:DateTimeType><tt:TimeZone><tt:TZ>CST-8:00:00</tt:TZ></tt:TimeZone><tt:LocalDateTime><tt:Time><tt:Hour>00</tt:Hour><tt:Minute>61</tt:Minute><tt:Second>16</tt:Second></tt:Time><tt:Date><tt:Year>2024</tt:Year><tt:Month>0</tt:Month><tt:Day>31</tt:Day></tt:Date></tt:LocalDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>', extra=tt),
    "sdt-utc.bin": "\x00" + env('<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:TimeZone><tt:TZ>&lt;+07&gt;-7</tt:TZ></tt:TimeZone><tt:UTCDateTime><tt:Time><tt:Hour>9223372036854775807</tt:Hour><tt:Minute>0</tt:Minute><tt:Second>0</tt:Second></tt:Time><tt:Date><tt:Year>99999999999</tt:Year><tt:Month>13</tt:Month><tt:Day>1</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>', extra=tt),
    "capabilities-extension.bin": "\x00" + env('<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Device><tt:XAddr>http://192.168.1.64/onvif/device_service</tt:XAddr></tt:Device><tt:Media><tt:XAddr>http:///onvif/media_service</tt:XAddr></tt:Media><tt:Extension><tt:Search><tt:XAddr>http://127.0.0.1:8899/onvif/search</tt:XAddr></tt:Search><tt:Replay><tt:XAddr>http://[fe80::1]/onvif/replay http://10.0.0.2/r</tt:XAddr></tt:Replay></tt:Extension></tds:Capabilities></tds:GetCapabilitiesResponse>', extra=tt),
    "services.bin": "\x00" + env('<tds:GetServicesResponse><tds:Service><tds:Namespace>http://www.onvif.org/ver20/media/wsdl</tds:Namespace><tds:XAddr>http://192.168.1.64:80/onvif/Media2</tds:XAddr><tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service><tds:Service><tds:Namespace>http://www.onvif.org/ver10/search/wsdl</tds:Namespace><tds:XAddr>https://192.168.1.64:443/onvif/search</tds:XAddr></tds:Service></tds:GetServicesResponse>', extra=tt),
    "profiles-no-encoder.bin": "\x00" + env('<trt:GetProfilesResponse><trt:Profiles token="Profile_1" fixed="true"><tt:Name>main</tt:Name><tt:VideoSourceConfiguration token="V1"><tt:Name>VS</tt:Name><tt:SourceToken>VideoSource_1</tt:SourceToken></tt:VideoSourceConfiguration></trt:Profiles><trt:Profiles token="Profile_2"><tt:VideoEncoderConfiguration><tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>1920</tt:Width><tt:Height>-1</tt:Height></tt:Resolution><tt:RateControl><tt:FrameRateLimit>25</tt:FrameRateLimit><tt:BitrateLimit>99999999999999999999</tt:BitrateLimit></tt:RateControl></tt:VideoEncoderConfiguration></trt:Profiles></trt:GetProfilesResponse>', extra=tt),
    "media2-profiles.bin": "\x00" + env('<tr2:GetProfilesResponse><tr2:Profiles token="p0_main"><tr2:Name>ch0</tr2:Name><tr2:Configurations><tr2:VideoSource token="vs"><tt:SourceToken>src0</tt:SourceToken></tr2:VideoSource><tr2:VideoEncoder><tt:Encoding>H265</tt:Encoding><tt:Resolution><tt:Width>3840</tt:Width><tt:Height>2160</tt:Height></tt:Resolution><tt:RateControl ConstantBitRate="false"><tt:FrameRateLimit>NaN</tt:FrameRateLimit><tt:BitrateLimit>8192</tt:BitrateLimit></tt:RateControl></tr2:VideoEncoder></tr2:Configurations></tr2:Profiles></tr2:GetProfilesResponse>', extra=tt),
    "recordings-epoch.bin": "\x00" + env('<tse:GetRecordingSearchResultsResponse><tse:ResultList><tt:SearchState>Completed</tt:SearchState><tt:RecordingInformation><tt:RecordingToken>rec0</tt:RecordingToken><tt:Source><tt:SourceId>src0</tt:SourceId><tt:Name>Kho h\xe0ng</tt:Name></tt:Source><tt:EarliestRecording>1970-01-01T00:03:15Z</tt:EarliestRecording><tt:LatestRecording>2024-08-17-12:30:45Z</tt:LatestRecording><tt:Track><tt:TrackToken>VIDEO001</tt:TrackToken><tt:TrackType>Video</tt:TrackType><tt:DataFrom>2024-02-30T25:61:61.999999Z</tt:DataFrom><tt:DataTo>+999999-01-01T00:00:00Z</tt:DataTo></tt:Track><tt:RecordingStatus>Recording</tt:RecordingStatus></tt:RecordingInformation></tse:ResultList></tse:GetRecordingSearchResultsResponse>', extra=tt),
    "track-state-events.bin": "\x00" + env('<tse:GetEventSearchResultsResponse><tse:ResultList><tt:Result><tt:RecordingToken>rec0</tt:RecordingToken><tt:TrackToken>VIDEO001</tt:TrackToken><tt:Time>2024-01-15T08:30:00.5+07:00</tt:Time><tt:Event><wsnt:Topic xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2">tns1:RecordingHistory/Track/State</wsnt:Topic><wsnt:Message xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2"><tt:Message UtcTime="2024-01-15T08:30:00Z"><tt:Source><tt:SimpleItem Name="Track" Value="VIDEO001"/></tt:Source><tt:Data><tt:SimpleItem Name="IsDataPresent" Value="true"/></tt:Data></tt:Message></wsnt:Message></tt:Event><tt:StartStateEvent>false</tt:StartStateEvent></tt:Result></tse:ResultList></tse:GetEventSearchResultsResponse>', extra=tt),
    "summary.bin": "\x00" + env('<tse:GetRecordingSummaryResponse><tse:Summary><tt:DataFrom>2024-01-01T00:00:00Z</tt:DataFrom><tt:DataUntil>2024-01-02T00:00:00Z</tt:DataUntil><tt:NumberRecordings>-9223372036854775808</tt:NumberRecordings></tse:Summary></tse:GetRecordingSummaryResponse>', extra=tt),
    "digest-401.bin": "\x05" + env("<s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text>Unauthorized</s:Text></s:Reason></s:Fault>"),
}
put_all("soap", soap)

# --- WS-Discovery (C2, C3, C5, D4, D5): shapes after Tests/DiscoveryTests/Support/FieldSamples.swift
wsd = ' xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl"'
def disc(action, body, mid="uuid:0000aaaa-0000-0000-0000-000000000001", rel="uuid:probe-1"):
    return f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="{S12}"{wsd}><s:Header><a:MessageID>{mid}</a:MessageID><a:RelatesTo>{rel}</a:RelatesTo><a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/{action}</a:Action></s:Header><s:Body>{body}</s:Body></s:Envelope>'
match = '<d:ProbeMatch><a:EndpointReference><a:Address>urn:uuid:7c1e2f10-51aa-11b2-8000-00408c000001</a:Address></a:EndpointReference><d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types><d:Scopes>onvif://www.onvif.org/name/IPC Camera onvif://www.onvif.org/hardware/AXIS%20M1065-L onvif://www.onvif.org/location/country/sweden onvif://www.onvif.org/Profile/G onvif://www.onvif.org/MAC/44:19:b6:00:00:64 %zz%</d:Scopes><d:XAddrs>http://169.254.10.20/onvif/device_service  http://192.168.1.50:8000/onvif/device_service http://[fe80::240:8cff:fe00:1]/onvif/device_service https://192.168.1.50/onvif/device_service http:///onvif/x http://127.0.0.1:8899/ http://u:p@[::1:80/</d:XAddrs><d:MetadataVersion>99999999999999999999</d:MetadataVersion></d:ProbeMatch>'
discovery = {
    "probematches-3-xaddrs.xml": disc("ProbeMatches", f"<d:ProbeMatches>{match}</d:ProbeMatches>"),
    "hello.xml": disc("Hello", f"<d:Hello>{match.replace('ProbeMatch', 'Hello')}</d:Hello>"),
    "bye.xml": disc("Bye", '<d:Bye><a:EndpointReference><a:Address>urn:uuid:7c1e2f10</a:Address></a:EndpointReference></d:Bye>'),
    "probe.xml": disc("Probe", '<d:Probe><d:Types>dn:NetworkVideoTransmitter\n tds:Device</d:Types></d:Probe>'),
    "bare-probematch.xml": match,
    "resolve-matches.xml": disc("ResolveMatches", f"<d:ResolveMatches>{match.replace('ProbeMatch', 'ResolveMatch')}</d:ResolveMatches>"),
    "not-xml.bin": b"HTTP/1.1 400 Bad Request\r\n\r\n\x00\xff<<\x00>",
}
put_all("discovery", discovery)

# --- WWW-Authenticate (A5, F8) ---
auth = {
    "digest-rfc2069.txt": 'Digest realm="IP Camera(12345)", nonce="4e4a4d5a6b"',
    "digest-unquoted.txt": "Digest realm=cam, nonce=abc, qop=auth, algorithm=MD5, stale=TRUE",
    "digest-quoted-all.txt": 'Digest realm="Login to 4L0", qop="auth,auth-int", nonce="a1b2", opaque="", algorithm="SHA-256-sess", stale="false"',
    "multiple.txt": 'Basic realm="x"\nDigest realm="a, \\"b\\"",nonce=abc ,\tqop="auth", algorithm=SHA-256\nDigest realm="r", nonce="n", algorithm=MD5-sess\nNegotiate',
    "basic-only.txt": "Basic realm=\"/\"",
    "garbage.txt": 'Digest ,,, =, realm=, nonce="unterminated\\',
}
put_all("auth", auth)

# --- RTSP (G1, G2, F6, F7): chunk byte, setup byte, stream ---
def rtp(seq, ts, payload, pt=96, marker=True, ext=None):
    b0 = 0x80 | (0x10 if ext else 0)
    h = struct.pack(">BBHII", b0, (0x80 if marker else 0) | pt, seq & 0xFFFF, ts, 0x1234)
    if ext:
        h += struct.pack(">HH", 0xABAC, len(ext) // 4) + ext
    return h + payload
def il(ch, pkt):
    return b"$" + bytes([ch]) + struct.pack(">H", len(pkt)) + pkt
resp = b"RTSP/1.0 200 OK\r\nCSeq: 5\r\nSession: 12345678;timeout=20\r\nTransport: RTP/AVP/TCP;unicast;interleaved=8-9\r\nRTP-Info: url=rtsp://h/t;seq=1\r\nContent-Length: 4\r\n\r\nabcd"
onvif_ext = struct.pack(">QBBBB", 0xE9C2A2B000000000, 0x80 | 0x40, 1, 0, 0)
rtsp = {
    "setup-answer.bin": b"\x00\x00" + resp,
    "interleaved-clean.bin": b"\x10\x01" + il(0, rtp(1, 0, b"\x65\x88\x80")) + il(1, b"\x80\xc8\x00\x06" + b"\x00" * 24) + il(0, rtp(2, 3600, b"\x41\x9a")),
    "interleaved-garbage-and-response.bin": b"\x01\x03" + il(0, rtp(7, 0, b"\x65\x88")) + b"garbage\x00\xff$$$" + b"RTSP/1.0 400 Bad Request\r\nCSeq: 9\r\n\r\n" + il(0, rtp(8, 0, b"\x41"))[:-3] + il(2, rtp(1, 0, b"\x00\x10\x00\x08\x21", pt=97)),
    "server-request.bin": b"\x20\x00" + b"GET_PARAMETER rtsp://h/ RTSP/1.0\r\nCSeq: 3\r\n Folded: yes\r\nSession: abc\r\nContent-Length: -1\r\n\r\n",
    "replay-ext.bin": b"\x00\x01" + il(0, rtp(1, 0, b"\x65\x88", ext=onvif_ext)) + il(1, b"\x81\xcb\x00\x01\x00\x00\x12\x34"),
    "lf-only.bin": b"\x00\x00" + b"RTSP/1.0 401 Unauthorized\nCSeq: 2\nWWW-Authenticate: Digest realm=\"r\", nonce=\"n\"\n\n",
}
put_all("rtsp", rtsp)

# --- SDP (G5) ---
sdp = {
    "h264-trailing-space.sdp": "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=Media\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\na=control:*\r\na=range:clock=20240115T083000Z-20240115T093000Z\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000 \r\na=fmtp:96 packetization-mode=1;profile-level-id=640028;sprop-parameter-sets=AAAAAWdkACisuQHgCJ+WbgICAoAAAAMAgAAAGUI=,AAAAAWjuPLA=\r\na=control:trackID=1\r\n",
    "h265.sdp": "v=0\nm=video 0 RTP/AVP 98\na=rtpmap:98 H265/90000\na=fmtp:98 sprop-vps=QAEMAf//AWAAAAMAkAAAAwAAAwBdlZgJ;sprop-sps=QgEBAWAAAAMAkAAAAwAAAwBdoAKAgC0WWVmkkyvA;sprop-pps=RAHBcrRiQA==;sprop-max-don-diff=1\na=control:rtsp://h/track1\nm=audio 0 RTP/AVP 97\na=rtpmap:97 MPEG4-GENERIC/16000/1\na=fmtp:97 streamtype=5; mode=AAC-hbr; config=1408; sizelength=13; indexlength=3; indexdeltalength=3\n",
    "broken.sdp": "m=video\nm=video x RTP/AVP 300\na=rtpmap:\na=rtpmap:96 H264/\na=fmtp:96 sprop-parameter-sets=!!!,,\na=rtpmap:0\nm=audio 0 RTP/AVP 97\na=rtpmap:97 mpeg4-generic/99999999999999999999/-1\na=fmtp:97 config=1;sizelength=99;indexlength=-5\n",
}
put_all("sdp", sdp)

# --- RTP packets from the simulator's assets ---
assets = os.path.join(os.path.dirname(root), "..", "Sources", "Simulator", "RTSP", "Assets")
def nals(path, limit):
    data = open(path, "rb").read(200_000)
    out, i = [], 0
    starts = []
    while True:
        j = data.find(b"\x00\x00\x01", i)
        if j < 0: break
        starts.append(j + 3); i = j + 3
    for k, s in enumerate(starts[:limit]):
        e = starts[k + 1] - 3 if k + 1 < len(starts) else len(data)
        while e > s and data[e - 1] == 0: e -= 1
        out.append(data[s:e])
    return out
def frame(ch, pkt):
    return bytes([ch]) + struct.pack(">H", len(pkt)) + pkt
def packets(ns, header_len, fu_header, fu_size=60):
    """Single-NAL packets, or fragmentation units (FU-A / H.265 FU) of NALs cut to 300 bytes."""
    seq, out = 0, []
    for n in ns:
        n = n[:300]
        if len(n) <= fu_size:
            out.append(rtp(seq, 0, n)); seq += 1
            continue
        body = n[header_len:]
        parts = [body[i:i + fu_size] for i in range(0, len(body), fu_size)]
        for k, p in enumerate(parts):
            flags = (0x80 if k == 0 else 0) | (0x40 if k == len(parts) - 1 else 0)
            out.append(rtp(seq, 0, fu_header(n, flags) + p, marker=k == len(parts) - 1)); seq += 1
    return out
def h264_packets(ns):
    return packets(ns, 1, lambda n, f: bytes([(n[0] & 0xE0) | 28, f | (n[0] & 0x1F)]))
def h265_packets(ns):
    return packets(ns, 2, lambda n, f: bytes([(n[0] & 0x81) | (49 << 1), n[1], f | ((n[0] >> 1) & 0x3F)]))
n264 = nals(os.path.join(assets, "sub_360p15.h264"), 6)
n265 = nals(os.path.join(assets, "sub_360p15.h265"), 6)
put("rtp", "h264-sim-asset.bin", b"\x00" + b"".join(frame(0, p) for p in h264_packets(n264)) + frame(1, b"\x80\xc8\x00\x06" + b"\x11" * 24))
put("rtp", "h265-sim-asset.bin", b"\x01" + b"".join(frame(0, p) for p in h265_packets(n265)))
stap = bytes([24]) + b"".join(struct.pack(">H", len(n)) + n for n in n264[:3] if len(n) < 100)
put("rtp", "h264-stap-a-ext.bin", b"\x00" + frame(0, rtp(1, 0, stap, ext=onvif_ext)) + frame(0, rtp(3, 3000, b"\x7c\x85" + b"\x01" * 20, marker=False)) + frame(2, rtp(1, 0, b"\x00\x10\x00\x18" + b"\x21" * 3, pt=97)) + frame(1, b"\x81\xcb\x00\x01\x00\x00\x12\x34"))
ap = bytes([48 << 1, 1]) + b"".join(struct.pack(">H", len(n)) + n for n in n265[:3] if len(n) < 100)
put("rtp", "h265-ap-donl.bin", b"\x03" + frame(0, rtp(1, 0, ap[:2] + b"\x00\x05" + ap[2:])) + frame(0, rtp(2, 0, b"\x62\x01\x93\x00\x01" + b"\x02" * 10)))
for name, n in (("h264-sps.bin", n264[0]), ("h264-pps.bin", n264[1]), ("h265-vps.bin", n265[0]), ("h265-sps.bin", n265[1])):
    put("h26x", name, n)
put("h26x", "annexb-h264.bin", b"".join(b"\x00\x00\x00\x01" + n[:200] for n in n264[:4]))
put("h26x", "annexb-h265.bin", b"".join(b"\x00\x00\x01" + n[:200] for n in n265[:4]))
put("h26x", "emulation-prevention.bin", b"\x67\x64\x00\x28\x00\x00\x03\x00\x00\x03\x01\xff\xff\xff\xff\xff\xff\xff\xff")

# --- Themes and tui.conf ---
themes_dir = os.path.join(os.path.dirname(root), "..", "Themes")
for t in sorted(os.listdir(themes_dir))[:2]:
    put("theme", t, open(os.path.join(themes_dir, t), "rb").read())
put("theme", "tui.conf", "# comment\ntheme = solarized\nlang=vi\n\n=\nlang\ntheme=\n")
put("theme", "odd.theme", "title = bold #ff00ff on 999\nrow.selected=reverse underline on #12\nx = fg:bright-red bg:default\n= \nunknown.key = red\n\u00e9\u0301 = #\n")

# --- User times ---
for i, t in enumerate(["2024-01-15T08:30:00Z", "2024-01-15 08:30", "\x01today", "\x02yesterday", "now", "-2h", "-7d", "-9999999999999999999d",
                       "\x03+99999999999h", "2024-02-30T25:61:61+14:00", "\x04 2024-1-5", "08:30", "2024-01-15T08:30:00.123456789-03:30"]):
    put("time", f"t{i:02}.txt", t)
print("seeds written to", root)

# --- fragmented MP4 shaped like MP4FragmentWriter's (ftyp, moov with mehd, then prft+moof+mdat per GOP)
def box(t, body):
    return struct.pack(">I", 8 + len(body)) + t.encode() + body
def full(t, v, flags, body):
    return box(t, bytes([v]) + flags.to_bytes(3, "big") + body)
def fmp4(fragments, cut=0, v1=False):
    tkhd = full("tkhd", 0, 3, b"\x00" * 8 + struct.pack(">I", 1) + b"\x00" * 68)
    mdhd = full("mdhd", 0, 0, b"\x00" * 8 + struct.pack(">II", 90000, 0) + b"\x55\xc4\x00\x00")
    hdlr = full("hdlr", 0, 0, b"\x00" * 4 + b"vide" + b"\x00" * 12 + b"Video\x00")
    avc1 = box("stsd", b"\x00" * 8)
    trak = box("trak", tkhd + box("mdia", mdhd + hdlr + box("minf", box("stbl", avc1))))
    mvex = box("mvex", full("mehd", 1, 0, struct.pack(">Q", 0)) + full("trex", 0, 0, struct.pack(">IIIII", 1, 1, 0, 0, 0)))
    out = box("ftyp", b"iso6\x00\x00\x02\x00iso6mp41") + box("moov", full("mvhd", 0, 0, b"\x00" * 8 + struct.pack(">II", 1000, 0) + b"\x00" * 80) + trak + mvex)
    dts = 0
    for k in range(fragments):
        samples = [(3600, 40 + k), (3600, 20), (3600, 25)]
        prft = full("prft", 1 if v1 else 0, 0, struct.pack(">IQ", 1, 0xE9C2A2B000000000 + k * 0x100000000) + (struct.pack(">Q", dts) if v1 else struct.pack(">I", dts)))
        tfhd = full("tfhd", 0, 0x020008, struct.pack(">II", 1, 3600))
        tfdt = full("tfdt", 1, 0, struct.pack(">Q", dts))
        trun = full("trun", 0, 0x000301, struct.pack(">Ii", len(samples), 0) + b"".join(struct.pack(">II", d, s) for d, s in samples))
        moof = box("moof", full("mfhd", 0, 0, struct.pack(">I", k + 1)) + box("traf", tfhd + tfdt + trun))
        mdat = box("mdat", b"".join(bytes([0, 0, 0, s - 4]) + b"\x65" * (s - 4) for _, s in samples))
        out += prft + moof + mdat
        dts += sum(d for d, _ in samples)
    return out[:len(out) - cut] if cut else out
put("mp4", "two-fragments.mp4", fmp4(2))
put("mp4", "cut-in-third-fragment.mp4", fmp4(3, cut=30))
put("mp4", "prft-v1.mp4", fmp4(1, v1=True))
put("mp4", "header-only.mp4", fmp4(0))
big = bytearray(fmp4(1)); big[0:4] = b"\x00\x00\x00\x01"
put("mp4", "largesize-ftyp.mp4", bytes(big[:8]) + struct.pack(">Q", 0x20) + bytes(big[8:]))

# === Targets added later: cli, store, keys, simhttp, simrtsp (hand-made edge cases; the
# sim-*/client-* seeds of these targets are captured from vtrack talking to vtrack-sim) ===

# --- CLI arguments: zone byte, then lines from / to / default_days / seconds / count / cameras; "\x01" = not given
NG = "\x01"
cli = [
    "\x00-7d\nnow\n30\n10\n2\nCamera 01,Camera 02",
    "\x01" + "2024-01-15T08:30:00+07:00\n2024-01-15T09:30:00Z\n1\n600\n64\n",
    "\x02yesterday\ntoday\n-1\ninf\n-1\n,",
    "\x03" + "2024-02-30\n2024-03-01 08:30\n366\n1e308\n1000001\n \u202ecam, \U0001f4f7 ,C\u1ea3ng",
    "\x04-99999999999d\n" + NG + "\n30\n-0\n9223372036854775807\n\"\"",
    "\x00" + "2026-12-07T00:20:36.123456+14:00\n2026-12-07T00:20:36,5-12:00\n7\n0.1\n1\nA",
    "\x00" + NG + "\n9999-12-31T23:59:59Z\n366\nnan\n0\n",
    "\x00-2h\n-3h\n1\n0x1p-3\n+5\n" + "a," * 40,
    "\x01" + NG + "\n" + NG + "\n367\n600.0000001\n65\n" + NG,
    "\x02-1e12d\n-90m\n0\n.5\n 1\nCamera 01 (2)",
    "\x00" + "2000-01-01T00:00:00Z\n2000-12-31T23:59:59Z\n-9223372036854775808\n604800\n1\n",
    "\x03NOW\nToDay\n2147483648\n1E2\n064\n\t",
]
for i, t in enumerate(cli):
    put("cli", f"args{i:02}.txt", t)

# --- Store rows: table byte, storage-class byte per column (0 text, 1 integer, 2 real, 3 blob, 4 null), NUL-separated values
def row(table, classes, values):
    return bytes([table] + classes) + b"\x00".join(v.encode() if isinstance(v, str) else v for v in values)
cam = '{"id":"VS_0f8c","name":"Camera 01","description":"","stream_url":"rtsp://192.168.1.64:554/Streaming/Channels/101","resolution":"1920x1080","codec":"H264","capabilities":["replay"],"channel":1,"source_token":"VS_0f8c","main_stream":{"uri":"rtsp://192.168.1.64:554/Streaming/Channels/101","resolution":"1920x1080","codec":"H264"},"sub_stream":null}'
configs = {
    "prototype-with-password": '{"protocol":"onvif","url":"192.168.1.64","port":"80","username":"admin","password":"Abc12345","detected_cameras":[' + cam + '],"selected_cameras":["Camera 01"]}',
    "vtrack-written": '{"detected_cameras":[' + cam + ',' + cam.replace("Camera 01", "Camera 01") + '],"device":{"firmware_version":"V4.30","manufacturer":"HIKVISION","model":"DS-7608NI-K2","serial_number":"X","profiles":["S","G"],"clock_offset_seconds":-3.5},"folder":"nvr_kho","port":80,"protocol":"onvif","selected_cameras":["Camera 01","Camera 01 (2)"],"url":"192.168.1.64","username":"admin","x_processing":{"zones":[[0.1,0.2],[1e300,-0.0]],"on":true,"note":null}}',
    "odd-types": '{"port":80.0,"url":5,"username":["admin"],"password":12345,"selected_cameras":"Camera 01","detected_cameras":{"name":"x"},"device":[],"folder":""}',
    "not-json": "{'url': '192.168.1.64', 'password': 'x'}",
    "deep": '{"x":' + "[" * 300 + "]" * 300 + ',"password":"\\u0000\\ud800"}',
}
for name, cfg in configs.items():
    put("store", f"video-source-{name}.bin", row(0, [0, 0, 0, 0, 1, 0, 1], ["nvr", "nvr_kho \u202e\U0001f4f7", "192.168.1.64", cfg, "1", "2026-11-25 08:30:00+00:00", "0"]))
put("store", "video-source-types.bin", row(0, [1, 2, 3, 0, 2, 4, 0], ["7", "1.5", b"\xff\xfe", configs["vtrack-written"], "0.0", "", "yes"]))
put("store", "processing-config.bin", row(1, [0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 2, 0, 1], [
    "/data/nvr_downloads", "/data/output_clips", "30", "10", "120", "5", "2", "default", '["Camera 01","nvr_kho/Camera 02"]',
    "/data/vtrack.db", "30.0", '{"Camera 01":"/data/nvr_downloads/nvr_kho/Camera 01","nvr_kho/Camera 02":"/data/x"}', "1", "45"]))
put("store", "processing-config-text-numbers.bin", row(1, [0, 3, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0], [
    "", b"/data/\xc3", " 30 ", "10", "9", "five", "2.5", "", '["a",1,null]', "", "25 fps", '{"a":["b"]}', "1", "/tmp/x\n"]))
put("store", "download-job.bin", row(2, [1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 4], [
    "1", "nvr_kho", "2026-11-25 00:00:00+00:00", "2026-11-25 12:00:00+00:00", '["Camera 01","Camera 02"]', "mp4", "500",
    '{"parallel":2,"replay_sessions":1}', "paused", '{"en":"Stopped by Ctrl-C.","vi":"D\u1eebng."}', "2026-11-25 08:30:00.250+00:00",
    "2026-11-25 08:31:00+00:00", ""]))
put("store", "download-job-odd.bin", row(2, [1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], [
    "1", "", "2026-11-25T12:00:00Z", "2026-11-25 00:00:00+00:00", '"Camera 01"', "mkv", "0", '{"parallel":"3","x":[1]}',
    "nonsense", "plain reason text", "yesterday", "", "2026-13-45 99:99:99+00:00"]))
put("store", "download-camera.bin", row(3, [0, 0, 0, 4, 0, 0, 2, 1, 0], [
    "Camera 01", "/data/nvr_downloads/nvr_kho/Camera 01", "downloading", "",
    '[["2026-11-25 00:00:00+00:00","2026-11-25 06:00:00.250+00:00"],["2026-11-25 07:00:00+00:00","2026-11-25 06:00:00+00:00"],["x"]]',
    "onvif:REC_0f8c", "3600.5", "123456789", "2026-11-25 08:31:00+00:00"]))
put("store", "download-file.bin", row(4, [0, 0, 0, 0, 1, 2, 0], [
    "Camera 01", "/data/nvr_downloads/nvr_kho/Camera 01/Camera 01_20261125T000000Z.mp4", "2026-11-25 00:00:00.040+00:00",
    "2026-11-25 00:59:59.960+00:00", "524288000", "3599.92", "done"]))

# --- Terminal keys: scene byte, language byte, then (kind, code32) records; kind 1 = function key, 0xFE = resize
KEY = {"down": 0o402, "up": 0o403, "left": 0o404, "right": 0o405, "home": 0o406, "backspace": 0o407, "f1": 0o411,
       "dc": 0o512, "npage": 0o522, "ppage": 0o523, "enter": 0o527, "btab": 0o541, "end": 0o550}
def keys(scene, lang, items):
    out = bytes([scene, lang])
    for it in items:
        if isinstance(it, str) and it in KEY:
            out += bytes([1]) + struct.pack(">I", KEY[it])
        elif isinstance(it, tuple):
            out += bytes([0xFE]) + struct.pack(">I", it[0] << 24 | it[1] << 16)
        elif isinstance(it, int):
            out += bytes([0]) + struct.pack(">I", it)
        else:
            for ch in it:
                out += bytes([0]) + struct.pack(">I", ord(ch))
    return out
# scenes: sources form formError cameras saveReport dates downloads help confirmQuit tooSmall
put("keys", "sources-navigate.bin", keys(0, 0, ["down", "down", "up", "end", "home", "npage", "ppage", 9, "btab", 10, 27, "?", 27]))
put("keys", "form-type-vietnamese.bin", keys(1, 1, ["C\u1ed5ng tr\u01b0\u1edbc", 9, "192.168.1.64", 9, "80", 9, "admin", 9, "p\u00e1ss", 127, 8, "left", "dc", "home", "end", 10]))
put("keys", "form-type-nfd-emoji-bidi.bin", keys(1, 0, ["Co\u0302\u0309ng", 0x1F4F7, 0x202E, 0xFE0F, 0x0301, 0x200D, 9, "::1", 9, "99999", 10, 27]))
put("keys", "form-error-controls.bin", keys(2, 0, [0, 1, 2, 20, 26, 31, 0xD800, 0x110000, 0xFFFFFFFF, 10, 27]))
put("keys", "cameras-toggle.bin", keys(3, 1, [" ", "down", " ", "a", "n", "down", "down", "down", " ", 10, 27]))
put("keys", "dates-move.bin", keys(5, 0, ["left", "left", " ", "right", "right", " ", "up", "down", "t", 10, 27]))
put("keys", "downloads-controls.bin", keys(6, 0, ["down", "p", "r", "c", "x", "q", "n", 27]))
put("keys", "help-and-quit.bin", keys(7, 1, ["f1", "npage", "end", 27, 17, "y"]))
put("keys", "confirm-quit.bin", keys(8, 0, ["n", 17, 10]))
put("keys", "resize-tiny-and-back.bin", keys(0, 0, [(20, 5), "down", (0, 0), (1, 1), "x", (200, 79), (80, 24), 10]))
put("keys", "function-keys.bin", b"\x04\x00" + b"".join(bytes([1]) + struct.pack(">I", 0o410 + n) for n in range(0, 14)))

# --- Simulator HTTP: config byte (0 none, 1 wsse, 2 digest sha-256, 3 basic, 4 both, 5 media1+hikvision+Z-only, 6 media2 no Profile G, 7 digest+html401+dahua)
def soap_req(path, body, ns=S12, ctype="application/soap+xml; charset=utf-8", header="", extra_headers=""):
    e = f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="{ns}" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tr2="http://www.onvif.org/ver20/media/wsdl" xmlns:tse="http://www.onvif.org/ver10/search/wsdl" xmlns:trp="http://www.onvif.org/ver10/replay/wsdl" xmlns:trc="http://www.onvif.org/ver10/recording/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"><s:Header>{header}</s:Header><s:Body>{body}</s:Body></s:Envelope>'
    return f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {ctype}\r\n{extra_headers}\r\n{e}"
def wsse(created, pw="PasswordDigest", nonce="LKqI6G/AikKCQrN0zqZFlg=="):
    return ('<wsse:Security s:mustUnderstand="1" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" '
            'xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><wsse:UsernameToken><wsse:Username>admin</wsse:Username>'
            f'<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#{pw}">tuOSpGlFlIXsozq4HFNeeGeFLEI=</wsse:Password>'
            f'<wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">{nonce}</wsse:Nonce>'
            f'<wsu:Created>{created}</wsu:Created></wsse:UsernameToken></wsse:Security>')
digest_auth = 'Authorization: Digest username="admin", realm="VTrackSim", nonce="NONCE", uri="/onvif/device_service", algorithm=SHA-256, response="6629fae49393a05397450978507c4ef1", qop=auth, nc=00000001, cnonce="0a4f113b", opaque="5ccc069c403ebaf9f0171e9517f40e41"\r\n'
simhttp = {
    "date-time-public.bin": "\x01" + soap_req("/onvif/device_service", "<tds:GetSystemDateAndTime/>"),
    "device-info-wsse-offset.bin": "\x01" + soap_req("/onvif/device_service", "<tds:GetDeviceInformation/>", header=wsse("2026-12-07T00:20:36+00:00")),
    "device-info-wsse-zulu-only.bin": "\x05" + soap_req("/onvif/device_service", "<tds:GetDeviceInformation/>", header=wsse("2026-12-07T00:20:36.123Z")),
    "wsse-plaintext-password.bin": "\x04" + soap_req("/onvif/device_service", "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>", header=wsse("2026-12-07T00:20:36Z", pw="PasswordText")),
    "wsse-bad-created.bin": "\x01" + soap_req("/onvif/device_service", "<tds:GetServices><tds:IncludeCapability>true</tds:IncludeCapability></tds:GetServices>", header=wsse("2026-13-07T24:00:00+14:30", nonce="!!")),
    "digest-sha256.bin": "\x02" + soap_req("/onvif/device_service", "<tds:GetDeviceInformation/>", extra_headers=digest_auth),
    "digest-garbage.bin": "\x02" + soap_req("/onvif/device_service", "<tds:GetScopes/>", extra_headers='Authorization: Digest username="admin, realm=VTrackSim, nonce=NONCE, uri="/onvif/device_service?x", response=\r\n'),
    "basic.bin": "\x03" + soap_req("/onvif/device_service", "<tds:GetHostname/>", extra_headers="Authorization: Basic YWRtaW46YWRtaW4xMjM=\r\n"),
    "soap11-action.bin": "\x00" + soap_req("/onvif/media_service", "<trt:GetProfiles/>", ns=S11, ctype="text/xml; charset=utf-8", extra_headers='SOAPAction: "http://www.onvif.org/ver10/media/wsdl/GetProfiles"\r\n'),
    "media1-stream-uri.bin": "\x00" + soap_req("/onvif/media_service", '<trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup><trt:ProfileToken>prof_1ef4_main</trt:ProfileToken></trt:GetStreamUri>'),
    "media2-profiles.bin": "\x00" + soap_req("/onvif/media2_service", "<tr2:GetProfiles><tr2:Type>All</tr2:Type></tr2:GetProfiles>", ctype='application/soap+xml; charset=utf-8; action="http://www.onvif.org/ver20/media/wsdl/GetProfiles"'),
    "media2-snapshot-uri.bin": "\x06" + soap_req("/onvif/media2_service", "<tr2:GetSnapshotUri><tr2:ProfileToken>prof_1ef4_sub</tr2:ProfileToken></tr2:GetSnapshotUri>"),
    "media2-stream-uri-unknown.bin": "\x00" + soap_req("/onvif/media2_service", "<tr2:GetStreamUri><tr2:Protocol>RTSP</tr2:Protocol><tr2:ProfileToken>&lt;nope&gt;</tr2:ProfileToken></tr2:GetStreamUri>"),
    "find-recordings.bin": "\x00" + soap_req("/onvif/search_service", "<tse:FindRecordings><tse:Scope/><tse:MaxMatches>100</tse:MaxMatches><tse:KeepAliveTime>PT10S</tse:KeepAliveTime></tse:FindRecordings>"),
    "recording-search-results.bin": "\x00" + soap_req("/onvif/search_service", "<tse:GetRecordingSearchResults><tse:SearchToken>SearchToken_1</tse:SearchToken><tse:MinResults>1</tse:MinResults><tse:MaxResults>-5</tse:MaxResults><tse:WaitTime>PT0.5S</tse:WaitTime></tse:GetRecordingSearchResults>"),
    "find-events.bin": "\x00" + soap_req("/onvif/search_service", "<tse:FindEvents><tse:StartPoint>2026-11-25T00:00:00Z</tse:StartPoint><tse:EndPoint>1970-01-01T00:00:00Z</tse:EndPoint><tse:Scope><tse:IncludedRecordings>REC_1ef4</tse:IncludedRecordings></tse:Scope><tse:SearchFilter><tt:TPZ/></tse:SearchFilter><tse:IncludeStartState>true</tse:IncludeStartState><tse:KeepAliveTime>PT99999999S</tse:KeepAliveTime></tse:FindEvents>"),
    "recording-summary.bin": "\x00" + soap_req("/onvif/search_service", "<tse:GetRecordingSummary/>"),
    "replay-uri.bin": "\x00" + soap_req("/onvif/replay_service", "<trp:GetReplayUri><trp:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trp:StreamSetup><trp:RecordingToken>REC_1ef4</trp:RecordingToken></trp:GetReplayUri>"),
    "recordings.bin": "\x00" + soap_req("/onvif/recording_service", "<trc:GetRecordings/>"),
    "unknown-operation.bin": "\x00" + soap_req("/onvif/device_service", "<tds:SystemReboot/>"),
    "not-an-envelope.bin": "\x00POST /onvif/device_service HTTP/1.1\r\nContent-Type: application/soap+xml\r\n\r\n<html><body>hi</body></html>",
    "wrong-path.bin": "\x00" + soap_req("/onvif/ptz_service", "<tds:GetDeviceInformation/>"),
    "get-device-service.bin": "\x00GET /onvif/device_service?wsdl HTTP/1.1\r\n\r\n",
    "snapshot-basic.bin": "\x03GET /onvif/snapshot/VS_1ef4.jpg HTTP/1.1\r\nAuthorization: Basic YWRtaW46YWRtaW4xMjM=\r\n\r\n",
    "snapshot-digest.bin": "\x07GET /onvif/snapshot/VS_1ef4.jpg?t=1 HTTP/1.1\r\n" + digest_auth.replace("/onvif/device_service", "/onvif/snapshot/VS_1ef4.jpg?t=1").replace("SHA-256", "MD5") + "\r\n",
    "snapshot-none.bin": "\x00GET /onvif/snapshot/VS_1ef4.jpg HTTP/1.1\r\n\r\n",
    "snapshot-unknown-channel.bin": "\x00GET /onvif/snapshot/../../etc/passwd.jpg HTTP/1.1\r\n\r\n",
    "snapshot-post.bin": "\x00POST /onvif/snapshot/VS_1ef4.jpg HTTP/1.1\r\n\r\nx",
}
put_all("simhttp", simhttp)

# --- Simulator RTSP: login byte (none basic digest digestRFC2069 digestNoAlgorithm digestUnquoted), chunk byte (0 = whole), then the connection's bytes
def rtsp_req(method, uri, cseq, headers=(), body=b""):
    h = f"{method} {uri} RTSP/1.0\r\nCSeq: {cseq}\r\nUser-Agent: VTrack\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    if body:
        h += f"Content-Length: {len(body)}\r\n"
    return h.encode() + b"\r\n" + body
base = "rtsp://127.0.0.1:8554"
rdigest = ("Authorization", 'Digest username="admin", realm="VTrack", nonce="NONCE", uri="' + base + '/replay/REC_1ef4", response="0123456789abcdef0123456789abcdef", algorithm=MD5, qop=auth, nc=00000001, cnonce="abc"')
replay = (rtsp_req("OPTIONS", base + "/replay/REC_1ef4", 1) + rtsp_req("DESCRIBE", base + "/replay/REC_1ef4", 2, [("Accept", "application/sdp"), ("Require", "onvif-replay"), rdigest])
          + rtsp_req("SETUP", base + "/replay/REC_1ef4/trackID=0", 3, [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1"), ("Require", "onvif-replay")])
          + rtsp_req("PLAY", base + "/replay/REC_1ef4", 4, [("Session", "12345678"), ("Require", "onvif-replay"), ("Range", "clock=20261125T000000Z-20261125T010000.500Z"), ("Rate-Control", "no"), ("Scale", "4.0")])
          + b"$\x01\x00\x08\x81\xc9\x00\x01\x00\x00\x00\x01" + rtsp_req("GET_PARAMETER", base + "/replay/REC_1ef4", 5, [("Session", "12345678")]) + rtsp_req("TEARDOWN", base + "/replay/REC_1ef4", 6, [("Session", "12345678")]))
simrtsp = {
    "replay-whole.bin": b"\x00\x00" + replay,
    "replay-digest-bytewise.bin": b"\x02\x01" + replay,
    "replay-digest-rfc2069-chunks.bin": b"\x03\x07" + replay,
    "live-basic.bin": b"\x01\x10" + rtsp_req("DESCRIBE", base + "/live/ch01/main", 1, [("Authorization", "Basic YWRtaW46YWRtaW4xMjM=")]) + rtsp_req("SETUP", base + "/live/ch01/main/trackID=0?x=1", 2, [("Transport", "RTP/AVP/TCP;unicast;interleaved=254-255;mode=play")]),
    "hikvision-tracks.bin": b"\x04\x00" + rtsp_req("DESCRIBE", base + "/Streaming/tracks/101?starttime=20261125T000000Z&endtime=20261125T010000Z", 1) + rtsp_req("PLAY", base + "/Streaming/tracks/102/?starttime=20261125t000000z", 2),
    "dahua-playback.bin": b"\x05\x00" + rtsp_req("DESCRIBE", base + "/cam/playback?channel=1&subtype=1&starttime=2026_11_25_00_00_00&endtime=2026_11_25_01_00_00", 1),
    "body-and-bad-heads.bin": b"\x00\x03" + rtsp_req("SET_PARAMETER", "*", 1, [("Content-Type", "text/parameters")], b"a: b\r\n") + b"HELLO\r\n\r\nGET / HTTP/1.1\r\n\r\n" + rtsp_req("OPTIONS", "*", "99999999999999999999"),
    "negative-and-huge-length.bin": b"\x00\x00" + b"OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: -5\r\n\r\n" + b"OPTIONS * RTSP/1.0\r\nCSeq: 2\r\nContent-Length: 9223372036854775807\r\n\r\nabc",
    "client-frames.bin": b"\x00\x02" + b"$\x00\x00\x00" + b"$\x01\xff\xff" + b"\x00" * 40,
    "folded-and-odd-ranges.bin": b"\x02\x00" + rtsp_req("PLAY", base + "/replay/REC_1ef4", 1, [("Range", "clock=20261125T000000Z-"), ("Range", "npt=0.000-"), ("Scale", "nan"), ("Require", "onvif-replay, , funky")]) + rtsp_req("PLAY", base + "/replay/REC_1ef4", 2, [("Range", "clock=99991231T235959.999999Z-00000101T000000Z"), ("Scale", "-1e308"), ("Session", "12345678;timeout=60")]),
}
put_all("simrtsp", simrtsp)
print("later seeds written")
