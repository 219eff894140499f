// Quick add: reads a sentence such as "Team meeting tomorrow at 3pm for 1 hour with Maria" into a title, a start,
// an end and the names after "with". Bundled with chrono-node by build/frontend.sh into wwwroot/lib/quick-add.
//
// All times are wall-clock times in the user's zone, never instants: the caller passes "now" as the user's wall
// clock and gets back strings without offset ("2026-12-01T15:00:00"), which the server reads in the user's zone.
// Dates are therefore computed on UTC-coded Date values, so the browser's own zone and its DST never interfere.
import { casual } from "chrono-node/en";
import { findEnding, findRepeat, firstOccurrence, formatRule } from "./quick-add-repeat.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// "for 1 hour", "for 90 minutes", "for 1h30m", "for half an hour", "for 2 days".
const DURATION = /\bfor\s+(?:(half\s+an?\s+hour)|(an?|\d+(?:[.,]\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|days?|d)(?:\s*(\d+)\s*(?:minutes?|mins?|m))?\b)/i;
const UNIT_MS = { h: HOUR, m: 60_000, d: DAY };

// chrono reads a bare "3d" or "9d6d1d" as "in 3 days" (and "9 days 6 days 1 day"), so a room name ("Room 3d tour") or a
// ticket code in a title moved the event and lost the word. A span of abbreviated units counts as a time only when the
// sentence says so: "in 2h", "+2h", "2h later" keep their prefix or suffix in chrono's text and do not match this.
const BARE_UNITS = /^(?:\d+(?:s|secs?|m|mins?|mos?|h|hrs?|d|w|wks?|y|yrs?))+$/i;

function pad(n, width = 2) {
  return String(n).padStart(width, "0");
}

function wallClock(ms, withTime) {
  const d = new Date(ms);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return withTime ? `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00` : date;
}

function componentsToMs(components) {
  return Date.UTC(components.get("year"), components.get("month") - 1, components.get("day"), components.get("hour") ?? 0, components.get("minute") ?? 0);
}

function readDuration(match) {
  if (!match) {
    return null;
  }

  if (match[1]) {
    return { ms: HOUR / 2, days: false };
  }

  const amount = /^an?$/i.test(match[2]) ? 1 : Number(match[2].replace(",", "."));
  const unit = match[3][0].toLowerCase();
  const extraMinutes = match[4] ? Number(match[4]) * 60_000 : 0;
  return { ms: amount * UNIT_MS[unit] + extraMinutes, days: unit === "d" };
}

function splitNames(text) {
  return text
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    // "with the team on December 2": the date is cut out first, its "on" would be left on the last name.
    .map((name) => name.trim().replace(/[.!?]+$/, "").replace(/\s+\b(?:on|at|from|by|in)$/i, ""))
    .filter((name) => name.length > 0);
}

function cleanTitle(text) {
  return text
    .replace(/\s{2,}/g, " ")
    .replace(/^[\s,;:-]+|[\s,;:-]+$/g, "")
    .replace(/\s+\b(on|at|from|by|in)$/i, "")
    .trim();
}

/**
 * Parses a quick-add sentence.
 * @param {string} text What the user typed.
 * @param {string} now The user's wall clock, "YYYY-MM-DDTHH:mm:ss" (no offset).
 * @returns {{title: string, start: string|null, end: string|null, allDay: boolean, names: string[], when: string|null, rrule: string|null}}
 *   rrule: an RFC 5545 rule without DTSTART (UNTIL as a DATE, which the server turns into the zone's end of day);
 *   start is then the rule's first occurrence.
 */
export function parseQuickAdd(text, now) {
  let rest = ` ${text ?? ""} `;

  // A fake "local" Date carrying the user's wall clock: chrono reads and writes components, not instants.
  const [datePart, timePart = "00:00:00"] = now.split("T");
  const [y, mo, d] = datePart.split("-").map(Number);
  const [h, mi] = timePart.split(":").map(Number);
  const reference = new Date(y, mo - 1, d, h, mi);

  // The repeat first: "every Tuesday" would otherwise be read by chrono as next Tuesday, and "for 6 weeks" as a length.
  let repeat = findRepeat(rest);
  let ending = repeat ? findEnding(repeat.rest) : null;
  if (repeat?.titleWord && !endsSeries(ending, repeat.parts) && !readUntil(ending?.rest ?? repeat.rest, reference)?.dateSaid) {
    // "Weekly check-in on December 2 at 2pm": the adverb is the title's, and nothing says the event repeats.
    repeat = null;
    ending = null;
  }

  if (repeat) {
    rest = ending?.rest ?? repeat.rest;
  }

  const durationMatch = DURATION.exec(rest);
  const duration = readDuration(durationMatch);
  if (durationMatch) {
    rest = rest.slice(0, durationMatch.index) + " " + rest.slice(durationMatch.index + durationMatch[0].length);
  }

  let untilMs = null;
  const until = repeat ? readUntil(rest, reference) : null;
  if (until) {
    untilMs = until.ms;
    rest = until.rest;
  }

  const results = casual.parse(rest, reference, { forwardDate: true }).filter((r) => !BARE_UNITS.test(r.text.trim()));
  const found = results[0];
  let start = null;
  let end = null;
  let allDay = false;
  let when = null;
  if (found) {
    when = found.text.trim();
    rest = rest.slice(0, found.index) + " " + rest.slice(found.index + found.text.length);
    allDay = !found.start.isCertain("hour") && !(duration && !duration.days);
    let startMs = componentsToMs(found.start);
    if (allDay) {
      startMs = Date.UTC(found.start.get("year"), found.start.get("month") - 1, found.start.get("day"));
    } else if (!found.start.isCertain("hour")) {
      // "tomorrow for 1 hour": a time was implied, not said; start at the top of the next working hour instead of noon.
      startMs = Date.UTC(found.start.get("year"), found.start.get("month") - 1, found.start.get("day"), 9);
    }

    let endMs;
    if (found.end) {
      endMs = componentsToMs(found.end);
      if (allDay) {
        endMs = Date.UTC(found.end.get("year"), found.end.get("month") - 1, found.end.get("day")) + DAY;
      }
    } else if (duration) {
      endMs = startMs + (allDay ? Math.max(1, Math.round(duration.ms / DAY)) * DAY : duration.ms);
    } else {
      endMs = startMs + (allDay ? DAY : HOUR);
    }

    if (endMs <= startMs) {
      endMs = startMs + (allDay ? DAY : HOUR);
    }

    if (repeat) {
      [startMs, endMs] = toFirstOccurrence(repeat.parts, startMs, endMs, found.start.isCertain("day") || found.start.isCertain("weekday"), now);
    }

    start = wallClock(startMs, !allDay);
    end = wallClock(endMs, !allDay);
  } else if (repeat) {
    // "Gym every Tuesday": no time said, so a day-long series from its first day on.
    allDay = !(duration && !duration.days);
    const today = Date.UTC(y, mo - 1, d);
    let startMs = allDay ? today : today + 9 * HOUR;
    let endMs = startMs + (allDay ? Math.max(1, Math.round((duration?.ms ?? DAY) / DAY)) * DAY : duration.ms);
    [startMs, endMs] = toFirstOccurrence(repeat.parts, startMs, endMs, false, now);
    start = wallClock(startMs, !allDay);
    end = wallClock(endMs, !allDay);
  }

  let rrule = null;
  if (repeat && start) {
    rrule = ruleFor(repeat.parts, ending, untilMs, Date.UTC(...start.slice(0, 10).split("-").map((v, i) => Number(v) - (i === 1 ? 1 : 0))));
  }

  let names = [];
  const withMatch = /\bwith\b/i.exec(rest);
  if (withMatch) {
    names = splitNames(rest.slice(withMatch.index + withMatch[0].length));
    rest = rest.slice(0, withMatch.index);
  }

  return { title: cleanTitle(rest), start, end, allDay, names, when, rrule };
}

// "until 31 Jan", "till Friday": the last day and the text without it. dateSaid: a day was named, not only a time.
function readUntil(text, reference) {
  const word = /\b(?:until|till|through|thru)\s+/i.exec(text);
  if (!word) {
    return null;
  }

  const after = text.slice(word.index + word[0].length);
  const last = casual.parse(after, reference, { forwardDate: true })[0];
  if (!last || last.index !== 0) {
    return null;
  }

  return {
    ms: Date.UTC(last.start.get("year"), last.start.get("month") - 1, last.start.get("day")),
    rest: text.slice(0, word.index) + " " + after.slice(last.text.length),
    dateSaid: ["day", "weekday", "month"].some((part) => last.start.isCertain(part)),
  };
}

// Whether "for N ..." or "N times" ends a series begun by a title's adverb. "for 2 days" after "Weekly" is how long
// the event lasts ("Weekly planning offsite tomorrow for 2 days"); after "Daily" it is how long the series runs.
function endsSeries(ending, parts) {
  return Boolean(ending && (ending.count || ending.runs.unit !== "d" || parts.FREQ === "DAILY"));
}

// Moves a start (and its end with it) to the rule's first day on or after it. A time alone ("at 10am") that has passed
// today starts looking tomorrow; a day the user named is kept as the earliest day.
function toFirstOccurrence(parts, startMs, endMs, dayWasSaid, now) {
  const day = Math.floor(startMs / DAY) * DAY;
  const nowMs = Date.parse(`${now}Z`);
  const from = !dayWasSaid && startMs % DAY !== 0 && startMs < nowMs ? day + DAY : day;
  const shift = firstOccurrence(parts, from) - day;
  return [startMs + shift, endMs + shift];
}

// The rule with what the sentence left implicit filled in from the first occurrence: the weekday of "every week",
// the day of "every month", and the end of "for 6 weeks" (the day before the same day 6 weeks later).
function ruleFor(parts, ending, untilMs, firstMs) {
  const rule = { ...parts };
  const first = new Date(firstMs);
  if (rule.FREQ === "WEEKLY" && !rule.BYDAY) {
    rule.BYDAY = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][first.getUTCDay()];
  }

  if (rule.FREQ === "MONTHLY" && !rule.BYDAY && !rule.BYMONTHDAY) {
    rule.BYMONTHDAY = first.getUTCDate();
  }

  if (ending?.count) {
    rule.COUNT = ending.count;
  } else if (ending?.runs) {
    const { amount, unit } = ending.runs;
    const endDate = new Date(firstMs);
    if (unit === "d" || unit === "w") {
      endDate.setUTCDate(endDate.getUTCDate() + amount * (unit === "w" ? 7 : 1));
    } else if (unit === "m") {
      endDate.setUTCMonth(endDate.getUTCMonth() + amount);
    } else {
      endDate.setUTCFullYear(endDate.getUTCFullYear() + amount);
    }

    rule.UNTIL = wallClock(endDate.getTime() - DAY, false).replaceAll("-", "");
  } else if (untilMs !== null) {
    rule.UNTIL = wallClock(untilMs, false).replaceAll("-", "");
  }

  return formatRule(rule);
}
