"""Reads a running vtrack-sim's Profile G services with onvif-zeep-async, zeep's strict schema
checking on, and checks the answers against each other: recordings tied to the Media video
sources, FindRecordings paged to every recording once, track-state events that alternate and
show the nightly gap, replay URIs on the replay path, every search ended.

usage: profile_g_zeep_check.py HOST PORT USER PASSWORD CHANNELS
Exit 0 when everything holds; 1 with one line per problem otherwise.
"""
import asyncio
import datetime
import sys

import onvif.settings

onvif.settings.DEFAULT_SETTINGS.strict = True  # an answer that does not fit the WSDL schema fails
from onvif import ONVIFCamera  # noqa: E402


async def page_all(call, token, item):
    """Every result of a search session, MaxResults 2 per page, until Completed."""
    found = []
    for _ in range(200):
        r = await call({"SearchToken": token, "MaxResults": 2, "WaitTime": "PT5S"})
        found += list(getattr(r, item) or [])
        if r.SearchState == "Completed":
            return found
    raise RuntimeError("the search never completed")


async def main(host, port, user, password, channels):
    channels = int(channels)
    problems = []
    cam = ONVIFCamera(host, int(port), user, password)
    try:
        await cam.update_xaddrs()
        media = await cam.create_media_service()
        sources = {s.token for s in await media.GetVideoSources()}
        search = await cam.create_search_service()
        replay = await cam.create_replay_service()
        recording = await cam.create_recording_service()

        summary = await search.GetRecordingSummary()
        if summary.NumberRecordings != channels:
            problems.append(f"summary: {summary.NumberRecordings} recordings, want {channels}")

        token = await search.FindRecordings({"Scope": {}, "KeepAliveTime": "PT30S"})
        try:
            infos = await page_all(search.GetRecordingSearchResults, token, "RecordingInformation")
        finally:
            await search.EndSearch({"SearchToken": token})
        tokens = [i.RecordingToken for i in infos]
        if len(tokens) != channels or len(set(tokens)) != channels:
            problems.append(f"FindRecordings paged: {tokens}")
        listed = {r.RecordingToken for r in await recording.GetRecordings()}
        if listed != set(tokens):
            problems.append(f"GetRecordings {sorted(listed)} != FindRecordings {sorted(tokens)}")
        for info in infos:
            if info.Source.SourceId not in sources:
                problems.append(f"{info.RecordingToken}: SourceId {info.Source.SourceId!r} is no video source")
            if [t.TrackType for t in info.Track].count("Video") != 1:
                problems.append(f"{info.RecordingToken}: tracks {[t.TrackType for t in info.Track]}")

        now = datetime.datetime.now(datetime.timezone.utc)
        start = now - datetime.timedelta(hours=30)
        token = await search.FindEvents({"StartPoint": start, "EndPoint": now, "Scope": {"IncludedRecordings": tokens},
                                         "SearchFilter": {}, "IncludeStartState": True, "KeepAliveTime": "PT30S"})
        try:
            events = await page_all(search.GetEventSearchResults, token, "Result")
        finally:
            await search.EndSearch({"SearchToken": token})
        for rec in tokens:
            video = [e for e in events if e.RecordingToken == rec and e.TrackToken == "VIDEO001"]
            states = []
            for e in video:
                items = {i.Name: i.Value for i in e.Event.Message._value_1.Data.SimpleItem}
                states.append(items.get("IsDataPresent"))
            if not video or not video[0].StartStateEvent:
                problems.append(f"{rec}: no start-state event")
            if "false" not in states:
                problems.append(f"{rec}: no gap in 30 hours (nightly off-hours expected)")
            if any(a == b for a, b in zip(states[1:], states[2:])):
                problems.append(f"{rec}: track states do not alternate: {states}")
            times = [e.Time for e in video]
            if times != sorted(times) or (times and (times[0] < start.replace(microsecond=0) or times[-1] > now)):
                problems.append(f"{rec}: event times out of order or range")

            uri = await replay.GetReplayUri({"StreamSetup": {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}},
                                             "RecordingToken": rec})
            if not (uri.startswith(f"rtsp://{host}:") and uri.endswith(f"/replay/{rec}")):
                problems.append(f"{rec}: replay URI {uri!r}")
            attrs = await search.GetMediaAttributes({"RecordingTokens": [rec], "Time": now - datetime.timedelta(hours=1)})
            if attrs[0].TrackAttributes[0].VideoAttributes.Width != 1920:
                problems.append(f"{rec}: media attributes {attrs[0]}")
        print(f"onvif-zeep-async read {len(tokens)} recordings, {len(events)} track-state events, "
              f"{len(tokens)} replay URIs (strict schema)")
    finally:
        await cam.close()

    for p in problems:
        print("MISMATCH " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(*sys.argv[1:6])))
