"""Reads a running vtrack-sim with onvif-zeep-async (Home Assistant's ONVIF client) and checks
device information, every Media profile and its stream URI against the simulator's own model.

usage: onvif_zeep_async_check.py HOST PORT USER PASSWORD MODEL_JSON
Exit 0 when everything matches; 1 with one line per mismatch otherwise.
"""
import asyncio
import json
import sys

from onvif import ONVIFCamera


async def main(host, port, user, password, model_path):
    with open(model_path) as f:
        model = json.load(f)
    problems = []

    cam = ONVIFCamera(host, int(port), user, password)
    try:
        await cam.update_xaddrs()
        devicemgmt = await cam.create_devicemgmt_service()
        info = await devicemgmt.GetDeviceInformation()
        for key, want in (("Manufacturer", model["manufacturer"]), ("Model", model["model"]),
                          ("SerialNumber", model["serial_number"])):
            if getattr(info, key) != want:
                problems.append(f"device {key}: got {getattr(info, key)!r}, want {want!r}")

        expected = {}
        for ch in model["channels"]:
            for kind in ("main", "sub"):
                p = ch[kind]
                if p["media1"]:
                    expected[p["token"]] = (ch, p)

        media = await cam.create_media_service()
        profiles = await media.GetProfiles()
        got_tokens = [p.token for p in profiles]
        if sorted(got_tokens) != sorted(expected):
            problems.append(f"profile tokens: got {sorted(got_tokens)}, want {sorted(expected)}")
        for prof in profiles:
            if prof.token not in expected:
                continue
            ch, p = expected[prof.token]
            vsc = prof.VideoSourceConfiguration
            if vsc is None or vsc.SourceToken != ch["source_token"]:
                problems.append(f"{prof.token}: source token {getattr(vsc, 'SourceToken', None)!r}, want {ch['source_token']!r}")
            vec = prof.VideoEncoderConfiguration
            if vec is None:
                problems.append(f"{prof.token}: no video encoder")
            else:
                if vec.Encoding != p["codec"]:
                    problems.append(f"{prof.token}: encoding {vec.Encoding!r}, want {p['codec']!r}")
                if (vec.Resolution.Width, vec.Resolution.Height) != (p["width"], p["height"]):
                    problems.append(f"{prof.token}: resolution {vec.Resolution.Width}x{vec.Resolution.Height}")
            uri = await media.GetStreamUri({
                "StreamSetup": {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}},
                "ProfileToken": prof.token,
            })
            want_prefix = f"rtsp://{host}:"
            if not (uri.Uri.startswith(want_prefix) and uri.Uri.endswith(p["rtsp_path"])):
                problems.append(f"{prof.token}: stream URI {uri.Uri!r}, want {want_prefix}…{p['rtsp_path']}")
        print(f"onvif-zeep-async read {info.Manufacturer} {info.Model}: {len(profiles)} profiles, "
              f"{len(model['channels'])} channels")
    finally:
        await cam.close()

    for p in problems:
        print("MISMATCH " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(*sys.argv[1:6])))
