"""The work of `vtrack probe` done with onvif-zeep-async, as far as that library goes (it has no
Media2): clock and services, device information, scopes, Media profiles, video sources, every
stream URI and one snapshot URI per video source. Prints the number of cameras found.

usage: zeep_probe.py HOST PORT USER PASSWORD
"""
import asyncio
import sys

from onvif import ONVIFCamera


async def main(host, port, user, password):
    cam = ONVIFCamera(host, int(port), user, password)
    try:
        await cam.update_xaddrs()
        devicemgmt = await cam.create_devicemgmt_service()
        await devicemgmt.GetDeviceInformation()
        await devicemgmt.GetScopes()
        media = await cam.create_media_service()
        profiles = await media.GetProfiles()
        await media.GetVideoSources()
        mains = {}
        for p in profiles:
            await media.GetStreamUri({"StreamSetup": {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}},
                                      "ProfileToken": p.token})
            src = p.VideoSourceConfiguration.SourceToken if p.VideoSourceConfiguration else None
            res = p.VideoEncoderConfiguration.Resolution if p.VideoEncoderConfiguration else None
            area = res.Width * res.Height if res else 0
            if src and (src not in mains or area > mains[src][1]):
                mains[src] = (p.token, area)
        for token, _ in mains.values():
            await media.GetSnapshotUri({"ProfileToken": token})
        print(len(mains))
    finally:
        await cam.close()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
