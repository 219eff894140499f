// Repeats ("every Tuesday", "every other week", "every month on the first Friday", "until 20 Dec", "10 times"):
// found before chrono reads the date, removed from the title, and turned into an RFC 5545 RRULE. The start the
// caller gets is then moved to the rule's first real occurrence (RFC 5545 leaves a DTSTART outside the rule undefined).
const DAY_NAMES = "mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?";
const DAY = `(?:${DAY_NAMES})s?`;
const LIST = `${DAY}(?:(?:\\s*,\\s*|\\s*&\\s*|\\s+and\\s+|\\s*,\\s*and\\s+)${DAY})*`;
// Plurals only in full ("on Tuesdays"): "Tues" alone is an abbreviation, not a repeat.
const FULL_DAYS = "mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays";
const PLURAL_LIST = `(?:${FULL_DAYS})(?:(?:\\s*,\\s*|\\s*&\\s*|\\s+and\\s+)(?:${FULL_DAYS}))*`;
const CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR"];
const NUMBER_WORDS = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twice: 2, once: 1 };
const ORDINALS = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, last: -1 };
const NUMBER = "\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
const ORDINAL = "first|1st|second|2nd|third|3rd|fourth|4th|last";
const MONTH_WORDS = "(?:every|each|the|a)\\s+month";
// "each Tuesday", "each week": the same as "every".
const EVERY = "(?:every|each)";

function number(word) {
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()];
}

function dayCodes(list) {
  const codes = [];
  for (const match of list.matchAll(new RegExp(DAY_NAMES, "gi"))) {
    const code = { mo: "MO", tu: "TU", we: "WE", th: "TH", fr: "FR", sa: "SA", su: "SU" }[match[0].slice(0, 2).toLowerCase()];
    if (!codes.includes(code)) {
      codes.push(code);
    }
  }

  return codes.sort((a, b) => ((CODES.indexOf(a) + 6) % 7) - ((CODES.indexOf(b) + 6) % 7));
}

function interval(word) {
  if (!word) {
    return 1;
  }

  return /^other$/i.test(word) ? 2 : number(word) ?? 1;
}

function monthDay(word) {
  return Number(word.replace(/\D/g, ""));
}

// Each pattern: a regular expression over the sentence and how its match becomes rule parts. Order matters: the
// longer, more specific phrasings first.
const PATTERNS = [
  // "every month on the first Friday", "monthly on the last Monday", "every 2 months on the 3rd Tuesday"
  [new RegExp(`\\b(?:${EVERY}\\s+(?:(other|${NUMBER})\\s+)?months?|monthly)\\s+on\\s+the\\s+(${ORDINAL})\\s+(${DAY_NAMES})\\b`, "i"),
    (m) => ({ FREQ: "MONTHLY", INTERVAL: interval(m[1]), BYDAY: `${ORDINALS[m[2].toLowerCase()]}${dayCodes(m[3])[0]}` })],
  // "on the first Friday of every month", "every first Friday of the month", "every last Friday"
  [new RegExp(`\\b(?:${EVERY}\\s+|on\\s+)?(?:the\\s+)?(${ORDINAL})\\s+(${DAY_NAMES})(?:\\s+of\\s+${MONTH_WORDS}|\\s+(?:each|every)\\s+month|\\s+monthly)`, "i"),
    (m) => ({ FREQ: "MONTHLY", BYDAY: `${ORDINALS[m[1].toLowerCase()]}${dayCodes(m[2])[0]}` })],
  [new RegExp(`\\b${EVERY}\\s+(${ORDINAL})\\s+(${DAY_NAMES})\\b`, "i"),
    (m) => ({ FREQ: "MONTHLY", BYDAY: `${ORDINALS[m[1].toLowerCase()]}${dayCodes(m[2])[0]}` })],
  // "every month on the 15th", "monthly on the 1st", "on the 15th of every month"
  [new RegExp(`\\b(?:${EVERY}\\s+(?:(other|${NUMBER})\\s+)?months?|monthly)\\s+on\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, "i"),
    (m) => ({ FREQ: "MONTHLY", INTERVAL: interval(m[1]), BYMONTHDAY: monthDay(m[2]) })],
  [new RegExp(`\\b(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)\\s+of\\s+${MONTH_WORDS}\\b`, "i"),
    (m) => ({ FREQ: "MONTHLY", BYMONTHDAY: monthDay(m[1]) })],
  // "every weekday", "every workday", "on weekdays", "every business day", "Monday to Friday"
  [/\b(?:(?:every|each)\s+(?:week|work|business|working)\s*day|(?:on\s+)?(?:week|work)days|monday\s+(?:to|through|-)\s+friday|mon\s*-\s*fri)\b/i,
    () => ({ FREQ: "WEEKLY", BYDAY: WEEKDAYS.join(",") })],
  [/\b(?:(?:every|each)\s+weekend|(?:on\s+)?weekends)\b/i, () => ({ FREQ: "WEEKLY", BYDAY: "SA,SU" })],
  // "every Tuesday", "every other Friday", "every Mon, Wed and Fri", "every 3 Tuesdays"
  [new RegExp(`\\b${EVERY}\\s+(?:(other|${NUMBER})\\s+)?(${LIST})\\b`, "i"),
    (m) => ({ FREQ: "WEEKLY", INTERVAL: interval(m[1]), BYDAY: dayCodes(m[2]).join(",") })],
  // "every week on Monday and Thursday", "every other week", "every 2 weeks", "weekly on Fridays", "biweekly"
  [new RegExp(`\\b(?:${EVERY}\\s+(?:(other|${NUMBER})\\s+)?weeks?|(weekly|bi-?weekly|fortnightly))(?:\\s+on\\s+(${LIST}))?\\b`, "i"),
    (m) => ({ FREQ: "WEEKLY", INTERVAL: m[2] && !/^weekly$/i.test(m[2]) ? 2 : interval(m[1]), BYDAY: m[3] ? dayCodes(m[3]).join(",") : null })],
  [new RegExp(`\\b(?:${EVERY}\\s+(?:(other|${NUMBER})\\s+)?months?|(monthly))\\b`, "i"),
    (m) => ({ FREQ: "MONTHLY", INTERVAL: interval(m[1]) })],
  [new RegExp(`\\b(?:${EVERY}\\s+(?:(other|${NUMBER})\\s+)?days?|(daily))\\b`, "i"),
    (m) => ({ FREQ: "DAILY", INTERVAL: interval(m[1]) })],
  [new RegExp(`\\b(?:${EVERY}\\s+(?:(other|${NUMBER})\\s+)?years?|(yearly|annually))\\b`, "i"),
    (m) => ({ FREQ: "YEARLY", INTERVAL: interval(m[1]) })],
  // "on Tuesdays", "Mondays and Wednesdays": a plural day name says it repeats.
  [new RegExp(`\\b(?:on\\s+)?(${PLURAL_LIST})\\b`, "i"),
    (m) => ({ FREQ: "WEEKLY", BYDAY: dayCodes(m[1]).join(",") })],
];

// The adverb alone ("Daily standup", "Weekly check-in on December 2") at the start of a sentence is part of the
// title: keep it there. Only a repeat phrase after it ("every weekday", "on Tuesdays", "each week") or an ending
// ("for 6 weeks", "3 times", "until Friday", which parseQuickAdd looks for) makes the event a series.
const ADVERB_FIRST = /^\s*(daily|weekly|bi-?weekly|fortnightly|monthly|yearly|annually)\b/i;

/**
 * Finds the repeat phrase: the rule parts and the text without it, or null. titleWord: only a leading adverb was
 * found, which the caller takes as a repeat only if an ending follows (else the event is a one-off).
 */
export function findRepeat(text) {
  const first = match(text, 0);
  if (!first) {
    return null;
  }

  const adverb = /^(?:daily|weekly|bi-?weekly|fortnightly|monthly|yearly|annually)$/i.test(first.match[0].trim());
  if (!adverb || !ADVERB_FIRST.test(text) || text.slice(0, first.match.index).trim() !== "") {
    return { parts: first.parts, rest: cut(text, first.match) };
  }

  // "Weekly sync every Tuesday", "Biweekly review on Fridays": the title's adverb stays, the later phrase says when.
  const after = first.match.index + first.match[0].length;
  const later = match(text, after);
  if (!later) {
    return { parts: first.parts, rest: text, titleWord: true };
  }

  const parts = { ...later.parts };
  if (parts.FREQ === first.parts.FREQ && (parts.INTERVAL ?? 1) === 1 && (first.parts.INTERVAL ?? 1) > 1) {
    parts.INTERVAL = first.parts.INTERVAL;
  }

  return { parts, rest: cut(text, later.match) };
}

function match(text, from) {
  for (const [pattern, toParts] of PATTERNS) {
    const sticky = new RegExp(pattern.source, "gi");
    sticky.lastIndex = from;
    const found = sticky.exec(text);
    if (found) {
      return { match: found, parts: toParts(found) };
    }
  }

  return null;
}

// "for 6 weeks", "for 3 months": how long the series runs (days and weeks only with a repeat: "for 2 days" alone is a duration).
const RUNS_FOR = new RegExp(`\\bfor\\s+(?:the\\s+next\\s+)?(${NUMBER}|a|an)\\s+(days?|weeks?|months?|years?)\\b`, "i");
// "10 times", "for 6 occurrences", "twice"
const TIMES = new RegExp(`\\b(?:for\\s+)?(${NUMBER})\\s+(?:times|occurrences|sessions|meetings)\\b|\\b(twice)\\b`, "i");

/** Finds "for N weeks" or "N times" after a repeat was found. */
export function findEnding(text) {
  const times = TIMES.exec(text);
  if (times) {
    return { count: number(times[1] ?? times[2]), rest: cut(text, times) };
  }

  const runs = RUNS_FOR.exec(text);
  if (runs) {
    const amount = /^an?$/i.test(runs[1]) ? 1 : number(runs[1]);
    return { runs: { amount, unit: runs[2][0].toLowerCase() }, rest: cut(text, runs) };
  }

  return null;
}

function cut(text, match) {
  return text.slice(0, match.index) + " " + text.slice(match.index + match[0].length);
}

const DAY_MS = 86_400_000;

function matchesOn(parts, ms) {
  const d = new Date(ms);
  const weekday = CODES[d.getUTCDay()];
  if (parts.FREQ === "WEEKLY" && parts.BYDAY) {
    return parts.BYDAY.split(",").includes(weekday);
  }

  if (parts.FREQ === "MONTHLY" && parts.BYDAY) {
    const ordinal = Number(parts.BYDAY.slice(0, -2));
    if (parts.BYDAY.slice(-2) !== weekday) {
      return false;
    }

    const day = d.getUTCDate();
    if (ordinal > 0) {
      return Math.ceil(day / 7) === ordinal;
    }

    const next = new Date(ms + 7 * DAY_MS);
    return next.getUTCMonth() !== d.getUTCMonth();
  }

  if (parts.FREQ === "MONTHLY" && parts.BYMONTHDAY) {
    return d.getUTCDate() === parts.BYMONTHDAY;
  }

  return true;
}

/** The first day on or after <paramref>fromMs</paramref> (UTC-coded midnight) the rule lands on. */
export function firstOccurrence(parts, fromMs) {
  for (let i = 0; i < 400; i++) {
    const ms = fromMs + i * DAY_MS;
    if (matchesOn(parts, ms)) {
      return ms;
    }
  }

  return fromMs;
}

/** Writes the parts in RFC 5545 order, leaving out defaults. */
export function formatRule(parts) {
  const keys = ["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "UNTIL", "COUNT"];
  return keys
    .filter((key) => parts[key] !== undefined && parts[key] !== null && parts[key] !== "" && !(key === "INTERVAL" && parts[key] === 1))
    .map((key) => `${key}=${parts[key]}`)
    .join(";");
}
