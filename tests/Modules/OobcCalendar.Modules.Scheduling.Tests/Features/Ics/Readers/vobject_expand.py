"""Reads an .ics file with python3-vobject and prints, as JSON, every occurrence overlapping a window, in UTC.

Usage: vobject_expand.py FILE FROM TO DATE_ZONE   (FROM/TO like 2027-10-01T00:00:00Z; DATE_ZONE reads all-day dates)

Series are expanded with vobject's getrruleset (dateutil rrule sets, EXDATEs included); a VEVENT with a RECURRENCE-ID
replaces the occurrence it names, as RFC 5545 3.8.4.4 says. Exits non-zero, saying why, when the file is refused.
"""
import datetime
import json
import sys
import zoneinfo

try:
    import vobject
except ImportError:
    sys.exit("python3-vobject is not installed (build/test.sh installs it with apt).")

UTC = datetime.timezone.utc
MAX_OCCURRENCES = 10000


def parse_utc(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def to_utc(value, date_zone):
    """A DATE or floating DATE-TIME is read in date_zone; a DATE-TIME with a zone is converted."""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        value = value.replace(tzinfo=date_zone)
    return value.astimezone(UTC)


def main(path, start, end, zone_name):
    window_start, window_end, date_zone = parse_utc(start), parse_utc(end), zoneinfo.ZoneInfo(zone_name)
    with open(path, encoding="utf-8") as f:
        calendar = vobject.readOne(f.read(), validate=True)

    masters, changes = {}, {}
    for vevent in calendar.contents.get("vevent", []):
        uid = vevent.uid.value
        if "recurrence-id" in vevent.contents:
            changes.setdefault(uid, {})[to_utc(vevent.recurrence_id.value, date_zone)] = vevent
        else:
            masters[uid] = vevent

    occurrences = []

    def add(uid, vevent, occurrence_start):
        duration = to_utc(vevent.dtend.value, date_zone) - to_utc(vevent.dtstart.value, date_zone)
        if occurrence_start < window_end and occurrence_start + duration > window_start:
            occurrences.append((uid, occurrence_start, occurrence_start + duration))

    for uid, master in masters.items():
        changed = changes.pop(uid, {})
        if "rrule" not in master.contents:
            add(uid, master, to_utc(master.dtstart.value, date_zone))
            continue
        for count, start_value in enumerate(master.getrruleset(addRDate=True)):
            occurrence_start = to_utc(start_value, date_zone)
            if occurrence_start >= window_end or count >= MAX_OCCURRENCES:
                break
            if occurrence_start in changed:
                change = changed.pop(occurrence_start)
                add(uid, change, to_utc(change.dtstart.value, date_zone))
            else:
                add(uid, master, occurrence_start)
        for change in changed.values():
            # A change of an occurrence outside the rule (or past the window): shown at its own time, as readers do.
            add(uid, change, to_utc(change.dtstart.value, date_zone))
    for uid, changed in changes.items():
        for change in changed.values():
            add(uid, change, to_utc(change.dtstart.value, date_zone))

    print(json.dumps([
        {"uid": uid, "start": s.strftime("%Y-%m-%dT%H:%M:%SZ"), "end": e.strftime("%Y-%m-%dT%H:%M:%SZ")}
        for uid, s, e in sorted(occurrences, key=lambda o: (o[1], o[0]))
    ]))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
