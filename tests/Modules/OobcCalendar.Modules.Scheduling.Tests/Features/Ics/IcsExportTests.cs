using System.Text;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.Features.Ics;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;
using OobcCalendar.Shared.Ics;

namespace OobcCalendar.Modules.Scheduling.Tests.Features.Ics;

[Collection(SchedulingCollection.Name)]
public sealed class IcsExportTests(SchedulingFixture fixture)
{
    private static readonly DateTimeOffset March = At(2027, 3, 1, 0);
    private static readonly DateTimeOffset May = At(2027, 5, 1, 0);

    /// <summary>The file's text with folded lines (RFC 5545 §3.1: long lines continue after CRLF + space) joined again.</summary>
    private static string Text(IcsFile file) => Encoding.UTF8.GetString(file.Content).Replace("\r\n ", string.Empty, StringComparison.Ordinal);

    /// <summary>A weekly Monday series in March–April with Staff invited (accepted), 8 March moved to Tuesday 14:00 and 22 March deleted.</summary>
    private async Task<Guid> EditedSeriesAsync(string title)
    {
        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 3, 1, 9), "FREQ=WEEKLY;BYDAY=MO;COUNT=8", title: title, participants: [fixture.Staff.Id])));
        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new RespondToEvent(id, ParticipantResponse.Accepted));
        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, At(2027, 3, 8, 9), EditScope.Occurrence, At(2027, 3, 9, 14), At(2027, 3, 9, 15), false));
        await fixture.SendAs<Mediator.Unit>(fixture.Manager, new CancelEvent(id, At(2027, 3, 22, 9), EditScope.Occurrence));
        return id;
    }

    private async Task<IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End, string Title)>> OccurrencesAsync(DirectoryUser who, Guid eventId) =>
        (await fixture.SendAs<IReadOnlyList<FeedItem>>(who, new GetCalendarFeed(March, May, CalendarScope.Mine)))
            .Where(i => i.EventId == eventId).Select(i => (i.StartUtc, i.EndUtc, i.Title)).ToList();

    [Fact]
    public async Task ExportEvent_WhenSeriesHasChanges_WritesRuleExdateOverrideZoneAndPeople()
    {
        var id = await EditedSeriesAsync("Ops review");

        var file = await fixture.SendAs<IcsFile>(fixture.Manager, new ExportEventIcs(id));

        file.FileName.ShouldBe("ops-review.ics");
        var text = Text(file);
        text.ShouldContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Manila");
        text.ShouldContain("DTSTART;TZID=Asia/Manila:20270301T090000");
        text.ShouldContain("RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=MO");
        text.ShouldContain("EXDATE;TZID=Asia/Manila:20270322T090000");
        text.ShouldContain("RECURRENCE-ID;TZID=Asia/Manila:20270308T090000");
        text.ShouldContain("DTSTART;TZID=Asia/Manila:20270309T140000");
        text.ShouldContain($"UID:{id}@oobc-calendar");
        text.ShouldContain($"ORGANIZER;CN={fixture.Manager.DisplayName}:mailto:{fixture.Manager.Email}");
        text.ShouldContain($"PARTSTAT=ACCEPTED");
        text.ShouldContain($"mailto:{fixture.Staff.Email}");
        text.ShouldNotContain("STATUS:CANCELLED");
    }

    [Fact]
    public async Task ExportEvent_WhenSomeoneAnsweredOneOccurrence_WritesThatOccurrenceWithTheirAnswer()
    {
        var id = await EditedSeriesAsync("Ops sync");
        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new RespondToEvent(id, ParticipantResponse.Declined, At(2027, 3, 15, 9)));

        var text = Text(await fixture.SendAs<IcsFile>(fixture.Manager, new ExportEventIcs(id)));

        // The series says accepted; the 15 March exception, at its own time, says declined.
        var events = text.Split("BEGIN:VEVENT").Skip(1).ToList();
        var answered = events.Where(e => e.Contains("RECURRENCE-ID;TZID=Asia/Manila:20270315T090000", StringComparison.Ordinal)).ShouldHaveSingleItem();
        answered.ShouldContain("DTSTART;TZID=Asia/Manila:20270315T090000");
        answered.ShouldContain("PARTSTAT=DECLINED");
        events.Where(e => e.Contains("RRULE:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain("PARTSTAT=ACCEPTED");
    }

    [Fact]
    public async Task ExportEvent_WhenCancelled_SaysSo()
    {
        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 3, 3, 10), 60, "Called off")));
        await fixture.SendAs<Mediator.Unit>(fixture.Manager, new CancelEvent(id, null, EditScope.Series));

        var text = Text(await fixture.SendAs<IcsFile>(fixture.Manager, new ExportEventIcs(id)));

        text.ShouldContain("STATUS:CANCELLED");
    }

    [Fact]
    public async Task ExportEvent_WhenOthersArePrivateOrBusyOnly_HidesThemAsARealCalendarWould()
    {
        var privateId = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 3, 4, 10), 60, "Private talk") with { Visibility = EventVisibility.Private }));
        var busyId = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 3, 4, 13), 60, "Medical appointment") with { Visibility = EventVisibility.BusyOnly, Description = "Dentist" }));

        await Should.ThrowAsync<NotFoundException>(() => fixture.SendAs<IcsFile>(fixture.OtherUnitStaff, new ExportEventIcs(privateId)));
        var busy = await fixture.SendAs<IcsFile>(fixture.OtherUnitStaff, new ExportEventIcs(busyId));

        busy.FileName.ShouldBe("busy.ics");
        Text(busy).ShouldContain("SUMMARY:Busy");
        Text(busy).ShouldNotContain("Medical");
        Text(busy).ShouldNotContain("Dentist");
        Text(await fixture.SendAs<IcsFile>(fixture.Manager, new ExportEventIcs(busyId))).ShouldContain("SUMMARY:Medical appointment");
    }

    [Fact]
    public async Task ExportCalendar_ForARange_HoldsMyEventsAndOnlyWhatOthersMaySee()
    {
        var mine = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 6, 2, 9), 60, "June planning")));
        var later = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 8, 2, 9), 60, "August planning")));
        await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 6, 3, 9), 60, "June secret") with { Visibility = EventVisibility.Private }));
        await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 6, 4, 9), 60, "June dentist") with { Visibility = EventVisibility.BusyOnly }));

        var managers = Text(await fixture.SendAs<IcsFile>(fixture.Manager, new ExportCalendarIcs(new DateOnly(2027, 6, 1), new DateOnly(2027, 7, 1))));
        var others = await fixture.SendAs<IcsFile>(fixture.OtherUnitStaff, new ExportCalendarIcs(new DateOnly(2027, 6, 1), new DateOnly(2027, 7, 1), CalendarScope.All));

        managers.ShouldContain($"UID:{mine}@oobc-calendar");
        managers.ShouldContain("SUMMARY:June secret");
        managers.ShouldNotContain($"UID:{later}@oobc-calendar");
        others.FileName.ShouldBe("oobc-calendar-2027-06-01-to-2027-06-30.ics");
        Text(others).ShouldContain("SUMMARY:June planning");
        Text(others).ShouldNotContain("June secret");
        Text(others).ShouldNotContain("June dentist");
        Text(others).ShouldContain("SUMMARY:Busy");
    }

    [Theory]
    [InlineData(2027, 6, 1, 2027, 6, 1)]
    [InlineData(2027, 6, 1, 2028, 8, 1)]
    public async Task ExportCalendar_WhenRangeIsEmptyOrTooLong_RefusesClearly(int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var error = await Should.ThrowAsync<InputValidationException>(() =>
            fixture.SendAs<IcsFile>(fixture.Manager, new ExportCalendarIcs(new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2))));

        error.Message.ShouldContain("at most 400 days");
    }

    [Fact]
    public async Task Export_ThenImportIntoAnotherUser_GivesTheSameOccurrences()
    {
        var id = await EditedSeriesAsync("Round trip");
        var file = await fixture.SendAs<IcsFile>(fixture.Manager, new ExportEventIcs(id));

        var result = await fixture.SendAs<ImportResult>(fixture.Staff2, new ImportIcs(file.Content, file.FileName));

        result.Imported.ShouldBe(1);
        var original = await OccurrencesAsync(fixture.Manager, id);
        var copy = await OccurrencesAsync(fixture.Staff2, result.EventIds[0]);
        original.Count.ShouldBe(7);
        copy.ShouldBe(original);
        var details = await fixture.SendAs<EventDetails>(fixture.Staff2, new GetEventDetails(result.EventIds[0], null));
        details.Organizer.UserId.ShouldBe(fixture.Staff2.Id);
        details.Participants.ShouldBeEmpty();
        (await fixture.SendAs<IcsPreview>(fixture.Manager, new PreviewIcsImport(file.Content, file.FileName))).Skipped.ShouldHaveSingleItem().Reason.ShouldContain("Already in your calendar");
    }

    [Fact]
    public async Task Export_ThenImport_WhenAllDayOrAcrossDaylightSaving_KeepsDatesAndWallClockTimes()
    {
        var holidays = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(
            Single(At(2027, 3, 5, 0), 24 * 60, "Fridays off") with { AllDay = true, RecurrenceRule = "FREQ=WEEKLY;BYDAY=FR;UNTIL=20270331T155959Z" }));
        var berlin = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(
            Series(new DateTimeOffset(2027, 3, 15, 9, 0, 0, TimeSpan.FromHours(1)), "FREQ=WEEKLY;COUNT=4", title: "Berlin call") with { TimeZoneId = "Europe/Berlin" }));

        foreach (var id in new[] { holidays, berlin })
        {
            var file = await fixture.SendAs<IcsFile>(fixture.Manager, new ExportEventIcs(id));
            var result = await fixture.SendAs<ImportResult>(fixture.Staff2, new ImportIcs(file.Content, file.FileName));

            (await OccurrencesAsync(fixture.Staff2, result.EventIds[0])).ShouldBe(await OccurrencesAsync(fixture.Manager, id));
        }

        Text(await fixture.SendAs<IcsFile>(fixture.Manager, new ExportEventIcs(holidays))).ShouldContain("RRULE:FREQ=WEEKLY;UNTIL=20270331;BYDAY=FR");
        var berlinStarts = (await OccurrencesAsync(fixture.Manager, berlin)).Select(o => o.Start.ToUniversalTime().Hour).ToList();
        berlinStarts.ShouldBe([8, 8, 7, 7]);
    }
}
