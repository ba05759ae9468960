"""Parses iCalendar files with the `icalendar` package and prints what a calendar would take from
each, as one JSON object per file: the tests check SessionDesk's invitations against a parser that
is not ours.

  parse_ics.py FILE...
"""

import json
import sys
from datetime import timezone

from icalendar import Calendar


def describe(path):
    with open(path, "rb") as f:
        calendar = Calendar.from_ical(f.read())
    events = [c for c in calendar.walk("VEVENT")]
    zones = [c for c in calendar.walk("VTIMEZONE")]
    event = events[0]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    return {
        "method": str(calendar.get("METHOD")),
        "events": len(events),
        "uid": str(event.get("UID")),
        "uids": [str(e.get("UID")) for e in events],
        "statuses": [str(e.get("STATUS")) for e in events],
        "sequence": int(event.get("SEQUENCE")),
        "status": str(event.get("STATUS")),
        "summary": str(event.get("SUMMARY")),
        "tzid": str(event["DTSTART"].params.get("TZID")),
        "timezones": [str(z.get("TZID")) for z in zones],
        "start_utc": start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "end_utc": end.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "attendees": sorted(str(a) for a in (event.get("ATTENDEE") if isinstance(event.get("ATTENDEE"), list) else [event.get("ATTENDEE")])),
        "organizer": str(event.get("ORGANIZER")),
    }


if __name__ == "__main__":
    for path in sys.argv[1:]:
        print(json.dumps(describe(path)))
