using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.UI.Events;
using OobcCalendar.Shared.Recurrence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.UI;
using OobcCalendar.Shared.UI.Calendar;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.UI.Calendar;

/// <summary>
/// Quick add, in the combined calendar's toolbar slot (<c>ModuleDefinition.CalendarToolbarComponents</c>): the sentence
/// is read in the browser (chrono-node, bundled by build/frontend.sh into the host's wwwroot/lib/quick-add), the names
/// after "with" are looked up in the directory, and nothing is saved until the user presses "Add event".
/// </summary>
public sealed partial class QuickAddBox : ComponentBase, IAsyncDisposable
{
    private readonly Dictionary<string, Guid?> chosen = new(StringComparer.OrdinalIgnoreCase);
    private IJSObjectReference? parser;
    private string? text;
    private QuickAddParse? result;
    private IReadOnlyList<NameMatch> matches = [];
    private bool busy;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private EventActions Actions { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>The calendar page, told the new event's start after it was added, so it can show it at once.</summary>
    [Parameter, EditorRequired] public ICalendarPage Calendar { get; set; } = default!;

    private string? WhenText
    {
        get
        {
            if (result?.Start is not { } start)
            {
                return null;
            }

            return TimeText.WallRange(start, result.End ?? start, result.AllDay, longFirstDate: true);
        }
    }

    /// <summary>The understood rule in words, with the times and the first day: "Every week on Tue, 10:00 AM – 11:00 AM, from 8 Dec".</summary>
    private string? RepeatText
    {
        get
        {
            if (result is not { RecurrenceRule: { } rule, Start: { } start })
            {
                return null;
            }

            var firstDate = DateOnly.FromDateTime(start);
            var times = result.AllDay ? "all day" : TimeText.Times(TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(result.End ?? start));
            return $"{RecurrenceText.Describe(rule, CurrentUser.TimeZoneId, firstDate)}, {times}, from {firstDate.ToString("d MMM", CultureInfo.InvariantCulture)}";
        }
    }

    private IReadOnlyList<Guid> ParticipantIds =>
        matches.Select(m => m.Matches.Count == 1 ? m.Matches[0].Id : chosen.GetValueOrDefault(m.Name)).OfType<Guid>().Distinct().ToList();

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await UnderstandAsync();
        }
    }

    private async Task UnderstandAsync()
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        busy = true;
        try
        {
            if (parser is null)
            {
                var (loaded, module) = await SafeJs.TryAsync(() => JS.InvokeAsync<IJSObjectReference>("import", "./lib/quick-add/quick-add.js"));
                if (!loaded || module is null)
                {
                    return; // The circuit is gone: nobody is waiting for the answer.
                }

                parser = module;
            }

            var now = WallClock.Now(Clock, OfficeTime.Zone(CurrentUser.TimeZoneId));
            var (parsed, raw) = await SafeJs.TryAsync(() => parser.InvokeAsync<RawParse>("parseQuickAdd", text, now.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)));
            if (!parsed || raw is null)
            {
                return;
            }

            result = raw.ToParse(CurrentUser.TimeZoneId);
            chosen.Clear();
            matches = await Actions.ResolveNamesAsync(result.Names);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task SaveAsync()
    {
        if (result is not { Start: { } start, End: { } end })
        {
            return;
        }

        busy = true;
        try
        {
            if (await Actions.QuickCreateAsync(result.Title, start, end, result.AllDay, ParticipantIds, result.RecurrenceRule))
            {
                Clear();
                await Calendar.ShowAsync(start);
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task EditAsync()
    {
        if (result is null)
        {
            return;
        }

        var now = WallClock.Now(Clock, OfficeTime.Zone(CurrentUser.TimeZoneId));
        var start = result.Start ?? now.Date.AddHours(now.Hour + 1);
        var end = result.End ?? start.AddHours(1);
        if (await Actions.CreateAsync(start, end, result.AllDay, result.Title, ParticipantIds))
        {
            Clear();
            await Calendar.ShowAsync(start);
        }
    }

    private void Clear()
    {
        text = null;
        result = null;
        matches = [];
        chosen.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (parser is not null)
        {
            // The tab may be gone, and the module with it.
            await SafeJs.TryAsync(() => parser.DisposeAsync());
        }
    }

    /// <summary>
    /// What the parser understood: wall-clock times in the user's zone (all-day: dates, end exclusive), and the repeat
    /// rule if one was said (start is then its first occurrence).
    /// </summary>
    internal sealed record QuickAddParse(string Title, DateTime? Start, DateTime? End, bool AllDay, IReadOnlyList<string> Names, string? RecurrenceRule);

    // As the JS module returns it: date-only strings for all-day events, so read them by hand. Internal, not private:
    // the bUnit tests answer the module's call with one.
    internal sealed record RawParse(string? Title, string? Start, string? End, bool AllDay, string[]? Names, string? Rrule)
    {
        public QuickAddParse ToParse(string? zoneId)
        {
            var start = Read(Start);
            return new(Title ?? string.Empty, start, Read(End), AllDay, Names ?? [], Rule(start, zoneId));
        }

        // The parser writes UNTIL as a day; rewritten the way the editor writes rules (UTC end of that day in the zone).
        // A rule the editor could not show is dropped rather than saved unseen.
        private string? Rule(DateTime? start, string? zoneId) =>
            !string.IsNullOrWhiteSpace(Rrule) && start is { } s
            && RecurrenceChoice.TryParse(Rrule, zoneId, out var choice, DateOnly.FromDateTime(s))
                ? choice.ToRRule(zoneId)
                : null;

        private static DateTime? Read(string? value) =>
            DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? DateTime.SpecifyKind(d, DateTimeKind.Unspecified) : null;
    }
}
