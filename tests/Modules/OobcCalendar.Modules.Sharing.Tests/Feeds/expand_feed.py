"""Expands a share feed with Debian's python3-icalendar + python3-recurring-ical-events (readers nobody here wrote).

Usage: expand_feed.py FILE FROM_UTC TO_UTC -> prints JSON [[uid, start_utc_iso, summary], ...] sorted.
"""
import json
import sys
from datetime import datetime, timezone

import icalendar
import recurring_ical_events


def utc(value):
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


with open(sys.argv[1], "rb") as f:
    calendar = icalendar.Calendar.from_ical(f.read())
start = datetime.strptime(sys.argv[2], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
end = datetime.strptime(sys.argv[3], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
found = [[str(e["UID"]), utc(e["DTSTART"].dt), str(e.get("SUMMARY", ""))] for e in recurring_ical_events.of(calendar).between(start, end)]
print(json.dumps(sorted(found)))
