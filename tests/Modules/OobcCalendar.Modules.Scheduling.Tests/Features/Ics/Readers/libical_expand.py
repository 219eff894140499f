"""Reads an .ics file with libical (ICalGLib 3.0 through GObject introspection) and prints, as JSON, every occurrence
overlapping a window, in UTC.

Usage: libical_expand.py FILE FROM TO DATE_ZONE   (FROM/TO like 2027-10-01T00:00:00Z; DATE_ZONE reads all-day dates)

Series are expanded with ICalGLib.RecurIterator from DTSTART; EXDATEs are left out and a VEVENT with a RECURRENCE-ID
replaces the occurrence it names, as RFC 5545 3.8.4.4 says. Times with a TZID are read with the file's own VTIMEZONE.
Exits non-zero, saying why, when the file is refused.
"""
import datetime
import json
import sys
import zoneinfo

try:
    import gi

    gi.require_version("ICalGLib", "3.0")
    from gi.repository import ICalGLib
except (ImportError, ValueError) as error:
    sys.exit(f"libical for python is not installed: python3-gi and gir1.2-ical-3.0 (build/test.sh installs them): {error}")

UTC = datetime.timezone.utc
MAX_OCCURRENCES = 10000


def parse_utc(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


class Reader:
    def __init__(self, calendar, date_zone):
        self.calendar = calendar
        self.date_zone = date_zone
        self.utc = ICalGLib.Timezone.get_utc_timezone()

    def zone_of(self, prop):
        """The VTIMEZONE a property's TZID names; a TZID the file does not define refuses the file."""
        tzid = prop.get_parameter_as_string("TZID")
        if tzid is None:
            return None
        zone = self.calendar.get_timezone(tzid)
        if zone is None:
            raise ValueError(f"TZID {tzid} has no VTIMEZONE in the file")
        return zone

    def to_utc(self, time, zone):
        """A DATE or floating time is read in the date zone; a time with a zone (or in UTC) is converted by libical."""
        if time.is_null_time() or not time.is_valid_time():
            raise ValueError(f"invalid time {time.as_ical_string()}")
        if time.is_date() or (zone is None and not time.is_utc()):
            local = datetime.datetime(time.get_year(), time.get_month(), time.get_day(), time.get_hour(), time.get_minute(), time.get_second())
            if time.is_date():
                local = local.replace(hour=0, minute=0, second=0)
            return local.replace(tzinfo=self.date_zone).astimezone(UTC)
        if zone is not None:
            time = time.clone()
            time.set_timezone(zone)
        utc = time.convert_to_zone(self.utc)
        return datetime.datetime(utc.get_year(), utc.get_month(), utc.get_day(), utc.get_hour(), utc.get_minute(), utc.get_second(), tzinfo=UTC)

    def prop(self, vevent, kind):
        return vevent.get_first_property(kind)

    def start(self, vevent):
        p = self.prop(vevent, ICalGLib.PropertyKind.DTSTART_PROPERTY)
        return p.get_dtstart(), self.zone_of(p)

    def span(self, vevent):
        start, zone = self.start(vevent)
        p = self.prop(vevent, ICalGLib.PropertyKind.DTEND_PROPERTY)
        return self.to_utc(start, zone), self.to_utc(p.get_dtend(), self.zone_of(p))

    def properties(self, vevent, kind):
        p = vevent.get_first_property(kind)
        while p is not None:
            yield p
            p = vevent.get_next_property(kind)


def components(parent, kind):
    c = parent.get_first_component(kind)
    while c is not None:
        yield c
        c = parent.get_next_component(kind)


def main(path, start, end, zone_name):
    window_start, window_end = parse_utc(start), parse_utc(end)
    with open(path, encoding="utf-8") as f:
        calendar = ICalGLib.Component.new_from_string(f.read())
    if calendar is None or calendar.isa() != ICalGLib.ComponentKind.VCALENDAR_COMPONENT:
        sys.exit("libical did not parse a VCALENDAR")
    reader = Reader(calendar, zoneinfo.ZoneInfo(zone_name))
    for zone in components(calendar, ICalGLib.ComponentKind.VTIMEZONE_COMPONENT):
        # libical keeps going past what it cannot read, leaving X-LIC-ERROR properties: that is a refusal here.
        if zone.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY) is not None:
            sys.exit(f"libical could not read a VTIMEZONE:\n{zone.as_ical_string()}")

    masters, changes = {}, {}
    for vevent in components(calendar, ICalGLib.ComponentKind.VEVENT_COMPONENT):
        error = vevent.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
        if error is not None:
            sys.exit(f"libical could not read a VEVENT: {error.as_ical_string()}")
        uid = vevent.get_uid()
        recurrence_id = reader.prop(vevent, ICalGLib.PropertyKind.RECURRENCEID_PROPERTY)
        if recurrence_id is not None:
            changes.setdefault(uid, {})[reader.to_utc(recurrence_id.get_recurrenceid(), reader.zone_of(recurrence_id))] = vevent
        else:
            masters[uid] = vevent

    occurrences = []

    def add(uid, vevent, occurrence_start):
        own_start, own_end = reader.span(vevent)
        duration = own_end - own_start
        if occurrence_start < window_end and occurrence_start + duration > window_start:
            occurrences.append((uid, occurrence_start, occurrence_start + duration))

    for uid, master in masters.items():
        changed = changes.pop(uid, {})
        rrule = reader.prop(master, ICalGLib.PropertyKind.RRULE_PROPERTY)
        if rrule is None:
            add(uid, master, reader.span(master)[0])
            continue
        dtstart, zone = reader.start(master)
        excluded = {
            reader.to_utc(p.get_exdate(), reader.zone_of(p))
            for p in reader.properties(master, ICalGLib.PropertyKind.EXDATE_PROPERTY)
        }
        iterator = ICalGLib.RecurIterator.new(rrule.get_rrule(), dtstart)
        for _ in range(MAX_OCCURRENCES):
            time = iterator.next()
            if time is None or time.is_null_time():
                break
            occurrence_start = reader.to_utc(time, zone)
            if occurrence_start >= window_end:
                break
            if occurrence_start in excluded:
                continue
            if occurrence_start in changed:
                change = changed.pop(occurrence_start)
                add(uid, change, reader.span(change)[0])
            else:
                add(uid, master, occurrence_start)
        for change in changed.values():
            add(uid, change, reader.span(change)[0])
    for uid, changed in changes.items():
        for change in changed.values():
            add(uid, change, reader.span(change)[0])

    print(json.dumps([
        {"uid": uid, "start": s.strftime("%Y-%m-%dT%H:%M:%SZ"), "end": e.strftime("%Y-%m-%dT%H:%M:%SZ")}
        for uid, s, e in sorted(occurrences, key=lambda o: (o[1], o[0]))
    ]))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
