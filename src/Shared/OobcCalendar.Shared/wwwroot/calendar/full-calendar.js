// FullCalendar 7 behind a small controller that Blazor drives through an IJSObjectReference (FullCalendarView.razor).
//
// Times cross the boundary as wall-clock strings without offset ("2026-12-01T09:00:00") in the signed-in user's zone:
// the calendar runs with timeZone "UTC" so it shows them as they are in any browser zone, and every Date it hands
// back is read with UTC getters. "Now" and "today" come from the user's zone, not the browser's.

const loaded = new Map();

function loadScript(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`Could not load ${src}`));
      document.head.appendChild(script);
    }));
  }
  return loaded.get(src);
}

function loadStyle(href) {
  if (!document.querySelector(`link[data-oobc-style="${href}"]`)) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.dataset.oobcStyle = href;
    document.head.appendChild(link);
  }
}

async function ensureLibrary(base) {
  loadStyle(`${base}/skeleton.css`);
  loadStyle(`${base}/themes/monarch/theme.css`);
  loadStyle(`${base}/themes/monarch/palettes/blue.css`);
  if (!window.FullCalendar) {
    await loadScript(`${base}/global.js`);
  }
  // The theme registers itself on FullCalendar's global plugin list, so it must come second.
  await loadScript(`${base}/themes/monarch/global.js`);
}

/** "2026-12-01T09:00:00" for a UTC-coded Date. */
function wallClock(date) {
  return date ? date.toISOString().slice(0, 19) : null;
}

/** The user's wall clock now, as a UTC-coded Date. */
function zonedNow(timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  return new Date(Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second));
}

function entryOf(event) {
  return {
    id: event.id,
    feedKey: event.source ? event.source.id : "",
    title: event.title,
    start: wallClock(event.start),
    end: wallClock(event.end),
    allDay: event.allDay,
    extendedProps: event.extendedProps ?? {},
  };
}

// "2026-12-01T09:00:00+08:00" -> "2026-12-01T09:00:00". Feeds answer in the user's wall clock; one that adds the
// user's offset must not be shifted by the calendar's UTC mode.
const OFFSET = /^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(?:Z|[+-]\d\d:?\d\d)$/;
function wallClockText(value) {
  const match = typeof value === "string" ? OFFSET.exec(value) : null;
  return match ? match[1] : value;
}

// Feeds answer with FullCalendar v6-style classNames/borderColor; v7 reads className and has no border colour.
function transform(input) {
  const out = { ...input, start: wallClockText(input.start), end: wallClockText(input.end) };
  if (Array.isArray(input.classNames)) {
    out.className = [input.className, ...input.classNames].filter(Boolean).join(" ");
  }
  if (input.borderColor) {
    out.extendedProps = { ...(input.extendedProps ?? {}), borderColor: input.borderColor };
  }
  return out;
}

class CalendarController {
  constructor(element, dotnet, options) {
    this.dotnet = dotnet;
    this.params = options.params ?? {};
    this.timeZone = options.timeZoneId;
    this.refetchTimers = new Map();
    this.disposed = false;
    const narrow = window.matchMedia("(max-width: 599.98px)").matches;
    this.calendar = new window.FullCalendar.Calendar(element, {
      timeZone: "UTC",
      colorScheme: options.colorScheme || "light",
      // Feed colours are mid-tones (blue, green, orange): white text reads on them in light and dark alike.
      eventContrastColor: "#ffffff",
      now: () => zonedNow(this.timeZone),
      initialView: (narrow && options.narrowView) || options.initialView || "dayGridMonth",
      initialDate: options.initialDate || undefined,
      headerToolbar: false,
      height: ((narrow && options.narrowView) || options.initialView || "").startsWith("timeGrid") ? "min(75vh, 760px)" : "auto",
      firstDay: options.firstDay ?? 1,
      editable: options.editable !== false,
      selectable: options.selectable !== false,
      selectMirror: true,
      nowIndicator: true,
      // A number, not true: with an automatic height "true" measures cells that are still growing and hides everything.
      dayMaxEvents: 3,
      // A full day ends in "+N more" (FullCalendar shortens it to "+N" in narrow cells: a phone's month is exactly
      // where it must still say what it is), which opens a list of the whole day (a dialog, closed by Escape).
      moreLinkContent: (arg) => `+${arg.num} more`,
      moreLinkClass: "oobc-more-link",
      popoverClass: "oobc-more-popover",
      navLinks: true,
      scrollTime: "08:00:00",
      eventTimeFormat: { hour: "numeric", minute: "2-digit", meridiem: "short" },
      longPressDelay: 400,
      views: {
        // Short month names keep the period's title on one line on a phone ("Nov 30 – Dec 6, 2026").
        listWeek: { noEventsText: options.noEventsText || "Nothing in this period.", titleFormat: { year: "numeric", month: "short", day: "numeric" } },
        timeGridWeek: { titleFormat: { year: "numeric", month: "short", day: "numeric" } },
        // Month cells are narrow: "8a" and "10:30p" leave the title room that "8:00am" took.
        dayGridMonth: { eventTimeFormat: { hour: "numeric", minute: "2-digit", omitZeroMinute: true, meridiem: "narrow" } },
      },
      eventSources: (options.feeds ?? []).map((feed) => this.source(feed)),
      eventClass: (info) => this.classesOf(info),
      eventContent: (arg) => this.compactContent(arg),
      // Theme class names are hashed: give the title a stable one for the state styles in oobc.css.
      eventTitleClass: "oobc-event-title",
      eventTimeClass: "oobc-event-time",
      listItemEventTitleClass: "oobc-event-title oobc-list-title",
      listItemEventTimeClass: "oobc-list-time",
      eventDidMount: (info) => {
        const border = info.event.extendedProps.borderColor;
        if (border) {
          info.el.style.setProperty("--oobc-category-colour", border);
        }
        info.el.dataset.eventId = info.event.id;
        info.el.dataset.feed = info.event.source ? info.event.source.id : "";
        // Month cells cut titles to one line: the whole title (with its time) is on hover and for screen readers.
        const label = this.labelOf(info);
        info.el.setAttribute("title", label);
        info.el.setAttribute("aria-label", label);
      },
      select: (info) => {
        this.calendar.unselect();
        this.call("OnSelectAsync", { start: wallClock(info.start), end: wallClock(info.end), allDay: info.allDay });
      },
      eventClick: (info) => {
        info.jsEvent.preventDefault();
        this.call("OnEventClickAsync", entryOf(info.event));
      },
      eventDrop: (info) => this.change(info, "drop"),
      eventResize: (info) => this.change(info, "resize"),
      datesSet: (info) => {
        this.fitHeight(info.view.type);
        this.call("OnDatesSetAsync", {
          start: wallClock(info.start),
          end: wallClock(info.end),
          currentStart: wallClock(info.view.currentStart),
          view: info.view.type,
          title: info.view.title,
        });
      },
      loading: (isLoading) => element.toggleAttribute("data-loading", isLoading),
    });
    this.calendar.render();
  }

  // Week and day scroll inside a fixed height (from 8:00) instead of stretching 24 hours down the page; month and
  // agenda grow with their content. Height is a calendar-wide option in FullCalendar 7, so it follows the view here.
  fitHeight(viewType) {
    const height = viewType.startsWith("timeGrid") ? "min(75vh, 760px)" : "auto";
    if (this.calendar && this.calendar.getOption("height") !== height) {
      this.calendar.setOption("height", height);
    }
  }

  /** "9:00 AM Quarterly budget review (repeats)": what a cut-off month entry says in full; "(pending approval)" likewise. */
  labelOf(info) {
    const event = info.event;
    // Dates are UTC-coded wall clock (see the top of this file): format them in UTC.
    const time = event.allDay || !event.start
      ? ""
      : `${event.start.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: "UTC" })} `;
    const notes = [event.extendedProps.recurring && "repeats", event.extendedProps.pending && "pending approval"].filter(Boolean);
    return `${time}${event.title}${notes.length ? ` (${notes.join(", ")})` : ""}`;
  }

  // A phone's month cells are too narrow for FullCalendar to show times at all (it blanks them): there a timed entry
  // still starts with its time, as "8a" or "10:30p", then the title. Everything else keeps the default content.
  compactContent(arg) {
    if (!arg.view.type.startsWith("dayGrid") || arg.event.allDay || arg.timeText || !arg.event.start) {
      return true;
    }
    const start = arg.event.start;
    const hour = start.getUTCHours() % 12 || 12;
    const minutes = start.getUTCMinutes() ? `:${String(start.getUTCMinutes()).padStart(2, "0")}` : "";
    const time = document.createElement("div");
    time.className = "oobc-event-time oobc-event-time-short";
    time.textContent = `${hour}${minutes}${start.getUTCHours() < 12 ? "a" : "p"}`;
    const title = document.createElement("div");
    title.className = "oobc-event-title";
    title.textContent = arg.event.title || "\u00a0";
    return { domNodes: [time, title] };
  }

  // The category stripe suits blocks (timed events in week and day, all-day bars), not month dots or list rows.
  classesOf(info) {
    const type = info.view.type;
    const block = type.startsWith("timeGrid") || (type.startsWith("dayGrid") && info.event.allDay);
    const classes = [];
    if (block && info.event.extendedProps.borderColor) {
      classes.push("oobc-has-category");
    }
    // One line per entry in month cells (oobc.css): time first, title cut with an ellipsis.
    if (type.startsWith("dayGrid")) {
      classes.push("oobc-month-entry");
    }
    return classes.join(" ");
  }

  source(feed) {
    if (!feed.url) {
      // No address: the component answers itself over the circuit (a page whose reader has no session to fetch with,
      // e.g. a share link's public page), as the same JSON an HTTP feed writes.
      return {
        id: feed.key,
        color: feed.colour,
        eventDataTransform: transform,
        events: async (info) => {
          try {
            return JSON.parse(await this.dotnet.invokeMethodAsync("OnFetchEntriesAsync", feed.key, wallClock(info.start), wallClock(info.end)));
          } catch {
            return [];
          }
        },
      };
    }
    return {
      id: feed.key,
      color: feed.colour,
      eventDataTransform: transform,
      events: async (info) => {
        const query = new URLSearchParams({ start: wallClock(info.start), end: wallClock(info.end), ...this.params });
        const response = await fetch(`${feed.url}?${query}`, { credentials: "same-origin", headers: { Accept: "application/json" } });
        if (!response.ok) {
          this.call("OnFeedFailedAsync", feed.key, response.status);
          return [];
        }
        return await response.json();
      },
    };
  }

  async change(info, kind) {
    let accepted = false;
    try {
      accepted = await this.dotnet.invokeMethodAsync("OnEventChangedAsync", {
        kind,
        entry: entryOf(info.event),
        oldStart: wallClock(info.oldEvent.start),
        oldEnd: wallClock(info.oldEvent.end),
        oldAllDay: info.oldEvent.allDay,
      });
    } catch {
      accepted = false;
    }
    if (!accepted && !this.disposed) {
      info.revert();
    }
  }

  call(method, ...args) {
    if (!this.disposed) {
      this.dotnet.invokeMethodAsync(method, ...args).catch(() => { /* circuit gone: nothing to tell */ });
    }
  }

  /** Reloads one feed (or all when key is empty); notices arrive in bursts, so reloads within 150 ms merge. */
  refetch(key) {
    const id = key || "*";
    clearTimeout(this.refetchTimers.get(id));
    this.refetchTimers.set(id, setTimeout(() => {
      this.refetchTimers.delete(id);
      if (this.disposed) {
        return;
      }
      const source = key ? this.calendar.getEventSourceById(key) : null;
      if (source) {
        source.refetch();
      } else {
        this.calendar.refetchEvents();
      }
    }, 150));
  }

  setParams(params) {
    this.params = params ?? {};
    this.calendar.refetchEvents();
  }

  /** Shows another zone's wall clock: "now" and "today" follow it, and every feed is asked again. */
  setTimeZone(timeZone) {
    this.timeZone = timeZone;
    this.calendar.setOption("now", () => zonedNow(this.timeZone));
    this.calendar.refetchEvents();
  }

  gotoDate(date) { this.calendar.gotoDate(date); }

  changeView(view, date) { this.calendar.changeView(view, date || undefined); }

  today() { this.calendar.today(); }

  prev() { this.calendar.prev(); }

  next() { this.calendar.next(); }

  setOption(name, value) { this.calendar.setOption(name, value); }

  dispose() {
    this.disposed = true;
    this.refetchTimers.forEach((timer) => clearTimeout(timer));
    this.calendar.destroy();
  }
}

/** Loads FullCalendar (once per page) and renders a calendar into element; returns its controller. */
export async function create(element, dotnet, options) {
  await ensureLibrary(options.libraryBase || "lib/fullcalendar");
  return new CalendarController(element, dotnet, options);
}
