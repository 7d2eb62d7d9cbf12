#!/usr/bin/env python3
"""Captures real messages for the seeds of the simulator and store targets: runs vtrack-sim,
puts a logging TCP proxy in front of its HTTP and RTSP ports, and runs vtrack against it
(probe, sources add, recordings, record). Writes
  Fuzz/corpus/simhttp/client-*.bin   every HTTP request vtrack sent (config byte + request)
  Fuzz/corpus/simrtsp/client-*.bin   every RTSP connection vtrack opened (login byte, chunk 0)
  Fuzz/corpus/store/client-*.bin     the video_source / processing_config rows vtrack wrote
Usage: Fuzz/capture-seeds.py BUILD_DIR   (e.g. .build/debug, after `swift build`)"""
import os, re, socket, sqlite3, subprocess, sys, tempfile, threading

build = sys.argv[1] if len(sys.argv) > 1 else ".build/debug"
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
PASSWORD = "admin123"

def known_nonce(data):
    """Digest answers name the nonce the capturing server handed out; the harness replaces
    NONCE by one its own server knows, so these answers reach the response check."""
    return re.sub(rb'(Authorization: Digest [^\r\n]*?nonce=)"[0-9a-fA-F]+"', rb'\1"NONCE"', data)

def put(target, name, data):
    os.makedirs(os.path.join(root, target), exist_ok=True)
    with open(os.path.join(root, target, name), "wb") as f:
        f.write(data)

class Proxy:
    """Forwards 127.0.0.1:port → upstream, keeping what clients sent, one bytes object per connection."""
    def __init__(self, upstream_port, port=0):
        self.upstream = upstream_port
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self.lock = threading.Lock()
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            c, _ = self.sock.accept()
            u = socket.create_connection(("127.0.0.1", self.upstream))
            log = bytearray()
            with self.lock:
                self.connections.append(log)
            threading.Thread(target=self.pump, args=(c, u, log), daemon=True).start()
            threading.Thread(target=self.pump, args=(u, c, None), daemon=True).start()

    def pump(self, a, b, log):
        try:
            while True:
                d = a.recv(65536)
                if not d:
                    break
                if log is not None:
                    log += d
                b.sendall(d)
        except OSError:
            pass
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

def http_requests(stream):
    """Splits a keep-alive connection into whole requests (head + Content-Length body)."""
    out, i = [], 0
    while i < len(stream):
        end = stream.find(b"\r\n\r\n", i)
        if end < 0:
            break
        head = stream[i:end].decode("latin-1")
        length = 0
        for line in head.split("\r\n")[1:]:
            k, _, v = line.partition(":")
            if k.strip().lower() == "content-length":
                length = int(v.strip())
        out.append(bytes(stream[i:end + 4 + length]))
        i = end + 4 + length
    return out

def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port

def run_sim(args):
    """vtrack-sim on free ports; returns it with its HTTP and RTSP ports once it says `ready`."""
    http_port, rtsp_port = free_port(), free_port()
    sim = subprocess.Popen([os.path.join(build, "vtrack-sim"), "--port", str(http_port), "--rtsp-port", str(rtsp_port),
                            "--channels", "3"] + args, stdout=subprocess.PIPE, text=True)
    assert sim.stdout.readline().startswith("ready ")
    return sim, http_port, rtsp_port

def vtrack(args, home):
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home + "/config", XDG_DATA_HOME=home + "/data", VTRACK_PASSWORD=PASSWORD)
    return subprocess.run([os.path.join(build, "vtrack")] + args, env=env, capture_output=True, text=True, timeout=120)

# (simulator login flags, simhttp config byte of SimHTTPFuzz with the same login)
for tag, flags, config in [("wsse", ["--auth", "wsse"], 1), ("digest", ["--auth", "digest"], 2)]:
    # the simulator advertises the proxy, so every XAddr and URI the client follows goes through it
    pport = free_port()
    sim, http_port, _ = run_sim(flags + ["--advertise", f"127.0.0.1:{pport}"])
    proxy = Proxy(http_port, port=pport)
    with tempfile.TemporaryDirectory() as home:
        db = home + "/vtrack.db"
        vtrack(["probe", f"127.0.0.1:{pport}", "--user", "admin"], home)
        vtrack(["sources", "add", "nvr_kho", "--host", f"127.0.0.1:{pport}", "--user", "admin", "--video-root", home + "/v", "--db", db], home)
        vtrack(["recordings", "nvr_kho", "--from", "-1d", "--db", db], home)
        con = sqlite3.connect(db)
        for (cfg, name, path) in con.execute("SELECT config, name, path FROM video_source"):
            put("store", f"client-video-source-{tag}.bin",
                bytes([0, 0, 0, 0, 0, 1, 0, 1]) + b"\x00".join(x.encode() for x in ["nvr", name, path, cfg, "1", "2026-12-07 00:00:00+00:00", "1"]))
        cols = [c[1] for c in con.execute("PRAGMA table_info(processing_config)")]
        for r in con.execute("SELECT * FROM processing_config"):
            row = dict(zip(cols, r))
            order = ["video_root", "output_path", "default_days", "min_packing_time", "max_packing_time", "frame_interval", "video_buffer",
                     "run_mode", "selected_cameras", "db_path", "frame_rate", "camera_paths", "id"]
            put("store", f"client-processing-config-{tag}.bin", bytes([1] + [0] * 13) + b"\x00".join(str(row.get(k, "")).encode() for k in order))
    sim.terminate(); sim.wait()
    n = 0
    for conn in proxy.connections:
        for req in http_requests(conn):
            put("simhttp", f"client-{tag}-{n:02}.bin", bytes([config]) + known_nonce(req))
            n += 1
    print(tag, n, "HTTP requests")

# RTSP: `vtrack record` of a live stream with each login shape (SimRTSPFuzz's login byte)
for i, shape in enumerate(["none", "basic", "digest", "digest-rfc2069", "digest-no-algorithm", "digest-unquoted"]):
    sim, _, rtsp_port = run_sim(["--auth", "none" if shape == "none" else "digest", "--rtsp-auth", shape])
    proxy = Proxy(rtsp_port)
    with tempfile.TemporaryDirectory() as home:
        vtrack(["record", f"rtsp://127.0.0.1:{proxy.port}/live/ch01/sub", "--user", "admin", "--duration", "1", "-o", home + "/x.mp4"], home)
    sim.terminate(); sim.wait()
    for k, conn in enumerate(proxy.connections):
        put("simrtsp", f"client-record-{shape}-{k}.bin", bytes([i, 0]) + known_nonce(bytes(conn)))
    print(shape, len(proxy.connections), "RTSP connections")
