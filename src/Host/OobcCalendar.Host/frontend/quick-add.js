// Quick add: reads a sentence such as "Team meeting tomorrow at 3pm for 1 hour with Maria" into a title, a start,
// an end and the names after "with". Bundled with chrono-node by build/frontend.sh into wwwroot/lib/quick-add.
//
// All times are wall-clock times in the user's zone, never instants: the caller passes "now" as the user's wall
// clock and gets back strings without offset ("2026-12-01T15:00:00"), which the server reads in the user's zone.
// Dates are therefore computed on UTC-coded Date values, so the browser's own zone and its DST never interfere.
import { casual } from "chrono-node/en";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// "for 1 hour", "for 90 minutes", "for 1h30m", "for half an hour", "for 2 days".
const DURATION = /\bfor\s+(?:(half\s+an?\s+hour)|(an?|\d+(?:[.,]\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|days?|d)(?:\s*(\d+)\s*(?:minutes?|mins?|m))?\b)/i;
const UNIT_MS = { h: HOUR, m: 60_000, d: DAY };

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
    .map((name) => name.trim().replace(/[.!?]+$/, ""))
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
 * @returns {{title: string, start: string|null, end: string|null, allDay: boolean, names: string[], when: string|null}}
 */
export function parseQuickAdd(text, now) {
  let rest = ` ${text ?? ""} `;

  const durationMatch = DURATION.exec(rest);
  const duration = readDuration(durationMatch);
  if (durationMatch) {
    rest = rest.slice(0, durationMatch.index) + " " + rest.slice(durationMatch.index + durationMatch[0].length);
  }

  // A fake "local" Date carrying the user's wall clock: chrono reads and writes components, not instants.
  const [datePart, timePart = "00:00:00"] = now.split("T");
  const [y, mo, d] = datePart.split("-").map(Number);
  const [h, mi] = timePart.split(":").map(Number);
  const reference = new Date(y, mo - 1, d, h, mi);

  const results = casual.parse(rest, reference, { forwardDate: true });
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

    start = wallClock(startMs, !allDay);
    end = wallClock(endMs, !allDay);
  }

  let names = [];
  const withMatch = /\bwith\b/i.exec(rest);
  if (withMatch) {
    names = splitNames(rest.slice(withMatch.index + withMatch[0].length));
    rest = rest.slice(0, withMatch.index);
  }

  return { title: cleanTitle(rest), start, end, allDay, names, when };
}
