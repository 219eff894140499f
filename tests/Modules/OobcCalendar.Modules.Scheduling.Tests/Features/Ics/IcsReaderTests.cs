using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.Features.Ics;
using OobcCalendar.Shared.Ics;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;

namespace OobcCalendar.Modules.Scheduling.Tests.Features.Ics;

/// <summary>
/// An exported calendar read by two independent readers other calendar apps are built on: python3-vobject (with
/// dateutil's rrule sets) and libical (through GObject introspection). Each must accept the whole file and expand it to
/// exactly the occurrences this calendar shows; the scripts are in Readers/ next to this file.
/// </summary>
[Collection(SchedulingCollection.Name)]
public sealed class IcsReaderTests(SchedulingFixture fixture)
{
    // October–November 2027: Sydney starts daylight saving on 3 October, Berlin ends it on 31 October, New York on 7 November.
    private static readonly DateOnly FirstDay = new(2027, 10, 1);
    private static readonly DateOnly EndDay = new(2027, 12, 1);

    private static readonly TimeSpan ReaderTimeout = TimeSpan.FromSeconds(60);

    private static DateTimeOffset In(int month, int day, int hour, double utcOffset) => new(2027, month, day, hour, 0, 0, TimeSpan.FromHours(utcOffset));

    /// <summary>The events of the export, in five zones; every occurrence lies wholly inside the window, so overlap is not at issue.</summary>
    private async Task<List<Guid>> CalendarAsync()
    {
        var manila = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 10, 4, 9), "FREQ=WEEKLY;BYDAY=MO;COUNT=8", title: "Readers sync")));
        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(manila, At(2027, 10, 11, 9), EditScope.Occurrence, At(2027, 10, 12, 14), At(2027, 10, 12, 15), false));
        await fixture.SendAs<Mediator.Unit>(fixture.Manager, new CancelEvent(manila, At(2027, 10, 25, 9), EditScope.Occurrence));

        // Made on a Monday with a "first Friday" rule: it starts on 5 November, and DTSTART must say so.
        var utc = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(
            Series(In(10, 4, 12, 0), "FREQ=MONTHLY;BYDAY=1FR;COUNT=2", title: "Readers review") with { TimeZoneId = "Etc/UTC" }));
        var allDay = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(
            Single(At(2027, 11, 10, 0), 24 * 60, "Readers day off") with { AllDay = true, RecurrenceRule = "FREQ=WEEKLY;BYDAY=WE;UNTIL=20271124T155959Z" }));
        var newYork = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(
            Series(In(10, 28, 10, -4), "FREQ=WEEKLY;BYDAY=TH;COUNT=4", title: "Readers New York") with { TimeZoneId = "America/New_York" }));
        var berlin = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(
            Series(In(10, 29, 9, 2), "FREQ=DAILY;COUNT=4", title: "Readers Berlin") with { TimeZoneId = "Europe/Berlin" }));
        var sydney = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(
            Series(In(10, 2, 10, 10), "FREQ=WEEKLY;BYDAY=SA;COUNT=3", 90, "Readers Sydney") with { TimeZoneId = "Australia/Sydney" }));
        return [manila, utc, allDay, newYork, berlin, sydney];
    }

    [Theory]
    [InlineData("vobject_expand.py")]
    [InlineData("libical_expand.py")]
    public async Task ExportCalendar_WhenReadByAnotherReader_IsAcceptedAndExpandsToTheOccurrencesShownHere(string script)
    {
        var ids = await CalendarAsync();
        var uids = ids.ToDictionary(id => $"{id}@{IcsWriter.UidDomain}");
        var file = await fixture.SendAs<IcsFile>(fixture.Manager, new ExportCalendarIcs(FirstDay, EndDay));
        var from = At(FirstDay.Year, FirstDay.Month, FirstDay.Day, 0);
        var to = At(EndDay.Year, EndDay.Month, EndDay.Day, 0);
        var shown = (await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.Manager, new GetCalendarFeed(from, to, CalendarScope.Mine)))
            .Where(i => ids.Contains(i.EventId))
            .Select(i => new Occurrence($"{i.EventId}@{IcsWriter.UidDomain}", i.StartUtc.UtcDateTime, i.EndUtc.UtcDateTime))
            .Order()
            .ToList();

        var read = (await ReadAsync(script, file, from, to)).Where(o => uids.ContainsKey(o.Uid)).Order().ToList();

        // 7 + 1 + 3 + 4 + 4 + 3: the Manila series lost 25 October, the UTC one's second Friday (3 December) is outside.
        shown.Count.ShouldBe(22);
        read.ShouldBe(shown);
    }

    /// <summary>One occurrence as a reader or this calendar sees it, in UTC.</summary>
    private sealed record Occurrence(string Uid, DateTime StartUtc, DateTime EndUtc) : IComparable<Occurrence>
    {
        public int CompareTo(Occurrence? other) =>
            other is null ? 1 : (StartUtc, Uid, EndUtc).CompareTo((other.StartUtc, other.Uid, other.EndUtc));
    }

    /// <summary>
    /// Runs Debian's python3 with <paramref name="script"/> on the file; it prints the occurrences overlapping the window as
    /// JSON, reading dates (all-day values) in the exporter's zone. A missing package fails the test, naming the package.
    /// </summary>
    private static async Task<List<Occurrence>> ReadAsync(string script, IcsFile file, DateTimeOffset from, DateTimeOffset to)
    {
        var path = Path.Combine(Path.GetTempPath(), $"oobc-readers-{Guid.NewGuid():N}.ics");
        await File.WriteAllBytesAsync(path, file.Content);
        try
        {
            var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            var start = new ProcessStartInfo(
                python,
                [Path.Combine(AppContext.BaseDirectory, "ics-readers", script), path, Utc(from), Utc(to), "Asia/Manila"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python}.");
            using var timeout = new CancellationTokenSource(ReaderTimeout);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            process.ExitCode.ShouldBe(0, $"{script} refused {path}:{Environment.NewLine}{await stderr}");
            using var json = JsonDocument.Parse(await stdout);
            return json.RootElement.EnumerateArray()
                .Select(o => new Occurrence(o.GetProperty("uid").GetString()!, Instant(o, "start"), Instant(o, "end")))
                .ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTime Instant(JsonElement occurrence, string name) =>
        DateTime.ParseExact(occurrence.GetProperty(name).GetString()!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
