using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.Features.Ics;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Ics.IcsText;
using OobcCalendar.Shared.Ics;

namespace OobcCalendar.Modules.Scheduling.Tests.Features.Ics;

[Collection(SchedulingCollection.Name)]
public sealed class IcsImportTests(SchedulingFixture fixture)
{
    private static readonly DateTimeOffset March = At(2027, 3, 1, 0);
    private static readonly DateTimeOffset April = At(2027, 4, 1, 0);

    private Task<IcsPreview> PreviewAsync(byte[] file, string name = "other.ics") => fixture.SendAs<IcsPreview>(fixture.Staff2, new PreviewIcsImport(file, name));

    private Task<ImportResult> ImportAsync(byte[] file, string name = "other.ics") => fixture.SendAs<ImportResult>(fixture.Staff2, new ImportIcs(file, name));

    private Task<int> Staff2EventCountAsync() => fixture.WithServiceAsync<IDbContextFactory<SchedulingDbContext>, int>(async contexts =>
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Events.CountAsync(e => e.OrganizerId == fixture.Staff2.Id);
    });

    private async Task<IReadOnlyList<FeedItem>> Staff2FeedAsync(Guid eventId) =>
        (await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.Staff2, new GetCalendarFeed(March, April, CalendarScope.Mine))).Where(i => i.EventId == eventId).ToList();

    [Fact]
    public async Task Preview_WhenAnEventLiesOutsideTheDateLimits_SkipsItSayingWhy()
    {
        var file = Calendar(
            Event(Uid("year-one"), "Year one", "DTSTART;TZID=Asia/Manila:00010101T090000", "DTEND;TZID=Asia/Manila:00010101T100000"),
            Event(Uid("far"), "Far future", "DTSTART;VALUE=DATE:99991230", "DTEND;VALUE=DATE:99991231"),
            Event(Uid("fine"), "Fine", "DTSTART;TZID=Asia/Manila:20270301T090000", "DTEND;TZID=Asia/Manila:20270301T100000"));

        var preview = await PreviewAsync(file);

        preview.Events.Select(e => e.Title).ShouldBe(["Fine"]);
        preview.Skipped.Where(s => s.Reason.Contains("outside 1900-01-01 to 2200-12-31")).Select(s => s.What).ShouldBe(["Year one", "Far future"], ignoreOrder: true);
    }

    [Fact]
    public async Task Preview_WhenFileHasSeriesZonesAndUnsupportedParts_ListsWhatIsImportedAndWhyTheRestIsSkipped()
    {
        var file = Calendar(
            Event(Uid("berlin"), "Berlin sync", "DTSTART;TZID=Europe/Berlin:20270301T090000", "DTEND;TZID=Europe/Berlin:20270301T100000", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4", "EXDATE;TZID=Europe/Berlin:20270308T090000"),
            Event(Uid("outlook"), "Outlook call", "DTSTART;TZID=W. Europe Standard Time:20270302T140000", "DTEND;TZID=W. Europe Standard Time:20270302T150000"),
            Event(Uid("mars"), "Mars base", "DTSTART;TZID=Olympus Mons Time:20270303T090000", "DTEND;TZID=Olympus Mons Time:20270303T100000"),
            Event(Uid("long"), "Sabbatical", "DTSTART;VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270601"),
            Event(Uid("rdate"), "Odd dates", "DTSTART:20270304T010000Z", "DTEND:20270304T020000Z", "RDATE:20270310T010000Z"),
            "BEGIN:VTODO\nUID:todo-1\nSUMMARY:File the report\nEND:VTODO");

        var preview = await PreviewAsync(file);

        preview.CanImport.ShouldBeTrue();
        preview.Events.Select(e => e.Title).ShouldBe(["Berlin sync", "Outlook call"]);
        var series = preview.Events[0];
        series.RuleSummary.ShouldBe("Every week on Mon, 4 times");
        series.DeletedOccurrences.ShouldBe(1);
        series.Start.ShouldBe(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));
        preview.Events[1].TimeZoneId.ShouldBe("Europe/Berlin");
        preview.Zones.ShouldBe(["Europe/Berlin"]);
        preview.SeriesCount.ShouldBe(1);
        preview.Skipped.ShouldContain(s => s.What == "Mars base" && s.Reason.Contains("“Olympus Mons Time”, which this calendar does not know"));
        preview.Skipped.ShouldContain(s => s.What == "Sabbatical" && s.Reason.Contains("at most 31 days"));
        preview.Skipped.ShouldContain(s => s.What == "Odd dates" && s.Reason.Contains("RDATE"));
        preview.Skipped.ShouldContain(s => s.What == "To-do “File the report”" && s.Reason.Contains("VTODO"));
        preview.Blocking.ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_WhenSeriesHasExdateAndChangedOccurrences_MapsThemOntoTheSeries()
    {
        var uid = Uid("series");
        var file = Calendar(
            Event(uid, "Team sync", "DTSTART;TZID=Asia/Manila:20270301T090000", "DTEND;TZID=Asia/Manila:20270301T100000", "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270329", "EXDATE;TZID=Asia/Manila:20270315T090000"),
            // Its own CLASS and CATEGORIES: they belong to the series here, so the occurrence still imports.
            Event(uid, "Team sync (moved)", "DTSTART;TZID=Asia/Manila:20270309T140000", "DTEND;TZID=Asia/Manila:20270309T150000", "RECURRENCE-ID;TZID=Asia/Manila:20270308T090000", "CLASS:PRIVATE", "CATEGORIES:Training"),
            Event(uid, "Team sync", "DTSTART;TZID=Asia/Manila:20270322T090000", "DTEND;TZID=Asia/Manila:20270322T100000", "RECURRENCE-ID;TZID=Asia/Manila:20270322T090000", "STATUS:CANCELLED"));

        var result = await ImportAsync(file);

        result.Imported.ShouldBe(1);
        result.Series.ShouldBe(1);
        var feed = await Staff2FeedAsync(result.EventIds[0]);
        feed.Select(i => (i.StartUtc, i.Title)).ShouldBe([(At(2027, 3, 1, 9), "Team sync"), (At(2027, 3, 9, 14), "Team sync (moved)"), (At(2027, 3, 29, 9), "Team sync")]);
        feed.ShouldAllBe(i => i.CanEdit && i.Recurring);
    }

    [Fact]
    public async Task Import_WhenStartIsNotAnOccurrenceOfItsRule_StartsOnTheFirstOccurrenceAndSaysSo()
    {
        // Monday 1 March 2027 with a "first Friday" rule: RFC 5545 leaves that Monday undefined (other apps show it).
        var file = Calendar(Event(
            Uid("first-friday"), "Imported all-hands", "DTSTART;TZID=Asia/Manila:20270301T150000", "DTEND;TZID=Asia/Manila:20270301T160000", "RRULE:FREQ=MONTHLY;BYDAY=1FR;COUNT=3"));

        var preview = (await PreviewAsync(file)).Events.ShouldHaveSingleItem();
        var result = await ImportAsync(file);

        preview.Start.ShouldBe(At(2027, 3, 5, 15));
        preview.Note.ShouldBe("The file starts it on Mon 1 Mar 2027, a day its rule does not give: it starts on Fri 5 Mar 2027, its first occurrence.");
        (await Staff2FeedAsync(result.EventIds[0])).Select(i => (i.StartUtc, i.EndUtc)).ShouldBe([(At(2027, 3, 5, 15), At(2027, 3, 5, 16))]);
        var exported = await fixture.SendAs<IcsFile>(fixture.Staff2, new ExportEventIcs(result.EventIds[0]));
        System.Text.Encoding.UTF8.GetString(exported.Content).ShouldContain("DTSTART;TZID=Asia/Manila:20270305T150000");
    }

    [Fact]
    public async Task Import_WhenFileWasImportedBefore_SkipsTheDuplicatesAndSaysWhy()
    {
        var file = Calendar(Event(Uid("once"), "Only once", "DTSTART:20270305T010000Z", "DTEND:20270305T020000Z"));
        await ImportAsync(file);

        var preview = await PreviewAsync(file);

        preview.CanImport.ShouldBeFalse();
        preview.Skipped.ShouldHaveSingleItem().Reason.ShouldContain("Already in your calendar");
        var before = await Staff2EventCountAsync();
        await Should.ThrowAsync<BusinessRuleException>(() => ImportAsync(file));
        (await Staff2EventCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("hello, I am not a calendar", "not an iCalendar file")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270301T090000Z\r\n", "damaged")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:t\r\nSUMMARY:Task\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", "holds no events")]
    [InlineData("", "empty")]
    public async Task Import_WhenFileIsMalformedOrHasNoEvents_ExplainsAndImportsNothing(string text, string message)
    {
        var before = await Staff2EventCountAsync();

        var preview = await Should.ThrowAsync<InputValidationException>(() => PreviewAsync(System.Text.Encoding.UTF8.GetBytes(text), "broken.ics"));
        var import = await Should.ThrowAsync<InputValidationException>(() => ImportAsync(System.Text.Encoding.UTF8.GetBytes(text), "broken.ics"));

        preview.Message.ShouldContain(message);
        import.Message.ShouldContain(message);
        (await Staff2EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Import_WhenFileIsOverTheSizeLimit_ExplainsAndImportsNothing()
    {
        var description = "DESCRIPTION:" + new string('x', 70);
        var events = Enumerable.Range(0, 12_000).Select(i => Event(Uid($"bulk{i}"), $"Bulk {i}", "DTSTART:20270305T010000Z", "DTEND:20270305T020000Z", description)).ToArray();
        var file = Calendar(events);
        file.Length.ShouldBeGreaterThan(IcsReader.MaxBytes);
        var before = await Staff2EventCountAsync();

        var error = await Should.ThrowAsync<InputValidationException>(() => ImportAsync(file, "huge.ics"));

        error.Message.ShouldContain("larger than 2 MB");
        (await Staff2EventCountAsync()).ShouldBe(before);
        await Should.ThrowAsync<InputValidationException>(() => IcsReader.ReadUploadAsync(new MemoryStream(file), CancellationToken.None));
    }

    [Fact]
    public async Task Import_WhenOneRuleIsOverTheOccurrenceLimit_BlocksTheWholeFileAndImportsNothing()
    {
        var file = Calendar(
            Event(Uid("fine"), "Fine weekly", "DTSTART:20270301T010000Z", "DTEND:20270301T020000Z", "RRULE:FREQ=WEEKLY"),
            Event(Uid("absurd"), "Every minute", "DTSTART:20270301T010000Z", "DTEND:20270301T010100Z", "RRULE:FREQ=MINUTELY"));
        var before = await Staff2EventCountAsync();

        var preview = await PreviewAsync(file);
        var error = await Should.ThrowAsync<InputValidationException>(() => ImportAsync(file));

        preview.CanImport.ShouldBeFalse();
        preview.Blocking.ShouldHaveSingleItem().What.ShouldBe("Every minute");
        preview.Blocking[0].Reason.ShouldContain("more than 1000 occurrences");
        error.Message.ShouldContain("Nothing was imported");
        error.Message.ShouldContain("“Every minute”");
        (await Staff2EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Import_WhenTimesAreFloatingAllDayOrWithoutEnd_ReadsThemInTheImportersZone()
    {
        var file = Calendar(
            Event(Uid("floating"), "Floating", "DTSTART:20270310T090000", "DURATION:PT90M"),
            Event(Uid("allday"), "Holiday", "DTSTART;VALUE=DATE:20270311", null),
            Event(Uid("noend"), "Deadline", "DTSTART:20270312T080000Z", null, "CLASS:PRIVATE", "CATEGORIES:Deadline"));

        var preview = await PreviewAsync(file);
        var result = await ImportAsync(file);

        preview.Events.Single(e => e.Title == "Deadline").Note.ShouldNotBeNull().ShouldContain("30 minutes");
        result.Imported.ShouldBe(3);
        var details = await Task.WhenAll(result.EventIds.Select(id => fixture.SendAs<EventDetails>(fixture.Staff2, new GetEventDetails(id, null))));
        var floating = details.Single(d => d.Title == "Floating");
        (floating.Start, floating.End, floating.TimeZoneId).ShouldBe((At(2027, 3, 10, 9), At(2027, 3, 10, 10, 30), "Asia/Manila"));
        var holiday = details.Single(d => d.Title == "Holiday");
        (holiday.AllDay, holiday.Start, holiday.End).ShouldBe((true, At(2027, 3, 11, 0), At(2027, 3, 12, 0)));
        var deadline = details.Single(d => d.Title == "Deadline");
        (deadline.Start, deadline.End, deadline.Visibility, deadline.Category?.Name).ShouldBe((At(2027, 3, 12, 16), At(2027, 3, 12, 16, 30), EventVisibility.Private, "Deadline"));
        details.ShouldAllBe(d => d.Organizer.UserId == fixture.Staff2.Id && d.Participants.Count == 0);
    }
}
