using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.LeaveTypes;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Feeds;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Modules.Sharing.Tests.Features;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using Shouldly;
using Xunit.Abstractions;

namespace OobcCalendar.Modules.Sharing.Tests.Feeds;

/// <summary>
/// Issue 13 "Nothing leaks": random calendars (seeded; the seed is printed and named in any failure, and
/// <c>OOBC_LEAK_SEED</c> replays it) of series with moved and cancelled occurrences, per-occurrence answers, private and
/// busy-only events, bookings and private-type leave, every text a unique marker; shared at each detail level with each
/// module filter. No feed body, no public page data (the occurrences the page is built from) and no public page HTML may
/// hold a marker beyond the link's level: busy only shows no titles, titles no place or description, and participants,
/// e-mail addresses, leave reasons and private or busy-only events' texts never show. March 2027, staff1–5's calendars.
/// </summary>
[Collection(SharingCollection.Name)]
public sealed class ShareLeakPropertyTests(SharingFixture fixture, ITestOutputHelper output)
{
    private static readonly int Calendars = int.TryParse(Environment.GetEnvironmentVariable("OOBC_LEAK_CALENDARS"), out var n) ? n : 20;

    private static readonly ShareDetailLevel[] Levels = [ShareDetailLevel.BusyOnly, ShareDetailLevel.Titles, ShareDetailLevel.Details];

    private static readonly ShareModules[] Filters = [ShareModules.Events, ShareModules.Bookings, ShareModules.Leave];

    /// <summary>What a marker is, hence the least a link must allow for it to show.</summary>
    private enum Shows
    {
        Never,
        AtTitles,
        AtDetails,
    }

    private sealed record Marker(string Text, Shows Shows, ShareModules Module, string What);

    [Fact]
    public async Task FeedsAndPublicPages_OfRandomCalendars_ShowNothingBeyondTheLinksLevel()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OOBC_LEAK_SEED"), out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        output.WriteLine($"leak property seed: {seed} (replay with OOBC_LEAK_SEED={seed}), {Calendars} calendars");
        var random = new Random(seed);
        // Midnight in Manila of the first Tuesday at least two days ahead: other tests move the shared clock forward (by
        // days at most), and bookings must lie in the future.
        var today = fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date.AddDays(2);
        var start = new DateTimeOffset(today.AddDays(((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 7) % 7), TimeSpan.FromHours(8));
        var markers = new List<Marker>();
        var room = await fixture.SendAs<Guid>(fixture.Admin, new SaveResource(
            null, ResourceKind.Room, $"Leak room {Guid.NewGuid():N}"[..20], "3F", 8, [], null, false, [], "Asia/Manila", new BookingRules()));
        var sick = (await fixture.SendAs<IReadOnlyList<LeaveTypeItem>>(fixture.Admin, new ListLeaveTypes())).Single(t => t.Settings.Code == "SL");
        var checkedLinks = 0;
        try
        {
            for (var i = 0; i < Calendars; i++)
            {
                var owner = fixture.StaffNo((i % 5) + 1);
                await BuildCalendarAsync(random, start, i, owner, room, sick.Id, markers);
                foreach (var level in Levels)
                {
                    foreach (var modules in new[] { ShareModules.All, Filters[random.Next(Filters.Length)] })
                    {
                        await CheckLinkAsync(owner, level, modules, markers);
                        checkedLinks++;
                    }
                }
            }
        }
        catch (Exception e)
        {
            throw new ShouldAssertException($"Leak property failed with seed {seed} (replay with OOBC_LEAK_SEED={seed}): {e.Message}", e);
        }

        output.WriteLine($"{checkedLinks} links checked against {markers.Count} markers");
        markers.Count(m => m.Shows == Shows.Never).ShouldBeGreaterThan(Calendars * 4);
    }

    private async Task CheckLinkAsync(DirectoryUser owner, ShareDetailLevel level, ShareModules modules, List<Marker> markers)
    {
        var link = await fixture.SendAs<CreatedShareLink>(owner, new CreateShareLink(ShareScope.MyCalendar, null, modules, level, $"Leak check {level} {modules}"));
        var context = $"{level} link filtered to {modules}";
        var feed = await (await fixture.Anonymous().GetAsync($"/share/{link.Token}.ics")).Content.ReadAsStringAsync();
        feed.ShouldStartWith("BEGIN:VCALENDAR", customMessage: context);
        CheckText("feed", feed, level, modules, markers, context);
        CheckFeedShape(feed, level, modules, context);

        // The data the public page is built from, serialised as it would travel to a browser, and the HTML it sends.
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var access = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new OpenShareLink(link.Token, null, CountView: false));
        var ics = await scope.ServiceProvider.GetRequiredService<ShareCalendarComposer>().ComposeAsync(access, CancellationToken.None);
        var now = fixture.Clock.GetUtcNow();
        CheckText("page data", JsonSerializer.Serialize(ShareOccurrences.Expand(ics, now.AddDays(-1), now.AddDays(60))), level, modules, markers, context);
        var html = await (await fixture.Anonymous().GetAsync($"/s/{link.Token}")).Content.ReadAsStringAsync();
        CheckText("page HTML", html, level, modules, markers, context);
    }

    private static void CheckText(string where, string text, ShareDetailLevel level, ShareModules modules, List<Marker> markers, string context)
    {
        // Folded lines would hide a marker from a plain search; unfold as a reader does.
        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        foreach (var marker in markers)
        {
            var allowed = modules.HasFlag(marker.Module) && marker.Shows switch
            {
                Shows.AtTitles => level >= ShareDetailLevel.Titles,
                Shows.AtDetails => level >= ShareDetailLevel.Details,
                _ => false,
            };
            if (!allowed)
            {
                unfolded.ShouldNotContain(marker.Text, customMessage: $"The {where} of a {context} shows {marker.What}.");
            }
        }

        unfolded.ShouldNotContain("@oobc.gov.ph", customMessage: $"The {where} of a {context} shows an e-mail address.");
        foreach (var person in new[] { "Jamal Usman", "Farida Mamalinta", "Tomas Reyes", "Sittie Abdullah", "Miguel Santos" })
        {
            unfolded.ShouldNotContain(person, customMessage: $"The {where} of a {context} names a person.");
        }
    }

    private static void CheckFeedShape(string feed, ShareDetailLevel level, ShareModules modules, string context)
    {
        var lines = feed.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n");
        foreach (var property in new[] { "ATTENDEE", "ORGANIZER", "BEGIN:VALARM", "CATEGORIES" })
        {
            lines.ShouldNotContain(l => l.StartsWith(property, StringComparison.Ordinal), $"A {context} has {property}.");
        }

        if (level == ShareDetailLevel.BusyOnly)
        {
            lines.Where(l => l.StartsWith("SUMMARY", StringComparison.Ordinal)).ShouldAllBe(l => l == "SUMMARY:Busy", $"A {context} shows a title.");
        }

        if (level != ShareDetailLevel.Details)
        {
            lines.ShouldNotContain(l => l.StartsWith("LOCATION", StringComparison.Ordinal) || l.StartsWith("DESCRIPTION", StringComparison.Ordinal), $"A {context} shows a place or description.");
        }

        if (!modules.HasFlag(ShareModules.Bookings))
        {
            feed.ShouldNotContain("@oobc-calendar-booking", customMessage: $"A {context} shows bookings.");
        }

        if (!modules.HasFlag(ShareModules.Leave))
        {
            feed.ShouldNotContain("@oobc-calendar-leave", customMessage: $"A {context} shows leave.");
        }
    }

    /// <summary>One random calendar of <paramref name="owner"/> in week <paramref name="i"/> / 5 from <paramref name="start"/>.</summary>
    private async Task BuildCalendarAsync(Random random, DateTimeOffset start, int i, DirectoryUser owner, Guid room, Guid sickType, List<Marker> markers)
    {
        string Mark(Shows shows, ShareModules module, string what)
        {
            var text = $"Mk{random.Next():x8}{markers.Count}";
            markers.Add(new Marker(text, shows, module, what));
            return text;
        }

        var others = fixture.DemoUsers
            .Where(u => u.Id != owner.Id && (u.Email.StartsWith("staff", StringComparison.Ordinal) || u.Email.StartsWith("manager", StringComparison.Ordinal))).ToList();
        var week = start.AddDays(7 * (i / 5));
        DateTimeOffset Slot() => week.AddDays(random.Next(0, 5)).AddHours(8 + random.Next(0, 9));
        EventVisibility Visibility() => random.Next(3) switch { 0 => EventVisibility.Private, 1 => EventVisibility.BusyOnly, _ => EventVisibility.Normal };

        (Shows Title, Shows Detail) Rules(EventVisibility visibility) =>
            visibility == EventVisibility.Normal ? (Shows.AtTitles, Shows.AtDetails) : (Shows.Never, Shows.Never);

        EventDraft Draft(EventVisibility visibility, DateTimeOffset start, string? rule, IReadOnlyList<Guid> participants, string kind)
        {
            var (title, detail) = Rules(visibility);
            return new EventDraft(
                Mark(title, ShareModules.Events, $"the title of a {visibility} {kind}"), Mark(detail, ShareModules.Events, $"the description of a {visibility} {kind}"),
                Mark(detail, ShareModules.Events, $"the place of a {visibility} {kind}"), start, start.AddMinutes(30 + (30 * random.Next(3))), "Asia/Manila", false, null,
                visibility, participants, [10], rule);
        }

        // Series: one occurrence moved (with its own texts), one cancelled, one answered alone by a participant.
        for (var s = 0; s < random.Next(1, 3); s++)
        {
            var visibility = Visibility();
            var participants = others.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(u => u.Id).ToList();
            var first = Slot();
            var series = await fixture.SendAs<Guid>(owner, new CreateEvent(Draft(visibility, first, "FREQ=WEEKLY;COUNT=5", participants, "series")));
            var moved = first.AddDays(7 * random.Next(1, 3));
            var change = Draft(visibility, moved.AddDays(1).AddHours(1), null, participants, "moved occurrence");
            await fixture.SendAs<Guid>(owner, new UpdateEvent(series, moved, EditScope.Occurrence, change with { End = change.Start.AddHours(1) }));
            await fixture.SendAs<Mediator.Unit>(owner, new CancelEvent(series, first.AddDays(7 * 3), EditScope.Occurrence));
            var answering = fixture.DemoUsers.Single(u => u.Id == participants[0]);
            await fixture.SendAs<Mediator.Unit>(answering, new RespondToEvent(series, random.Next(2) == 0 ? ParticipantResponse.Declined : ParticipantResponse.Tentative, first.AddDays(28)));
        }

        for (var e = 0; e < random.Next(2, 5); e++)
        {
            var participants = others.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).Select(u => u.Id).ToList();
            await fixture.SendAs<Guid>(owner, new CreateEvent(Draft(Visibility(), Slot(), null, participants, "event")));
        }

        // A booking (its purpose is a detail) and a day of sick leave, a private type whose reason never shows.
        var bookingStart = start.AddDays(1 + (i / 8)).AddHours(8 + (i % 8));
        await fixture.SendAs<BookingReceipt>(owner, new RequestBooking(room, bookingStart, bookingStart.AddMinutes(45), Mark(Shows.AtDetails, ShareModules.Bookings, "a booking's purpose"), 2));
        await fixture.SendAs<Guid>(fixture.Admin, new AdjustBalance(owner.Id, sickType, 1m, "Leak test opening balance"));
        var reason = Mark(Shows.Never, ShareModules.Leave, "a leave reason");
        LeaveRequestReceipt? receipt = null;
        // A working day of the week (the office's holidays, e.g. Eid'l Fitr or Holy Week, leave nothing to request).
        foreach (var day in Enumerable.Range(0, 4).OrderBy(_ => random.Next()))
        {
            var leaveDay = DateOnly.FromDateTime(week.AddDays(day).DateTime);
            try
            {
                receipt = await fixture.SendAs<LeaveRequestReceipt>(owner, new SubmitLeaveRequest(sickType, leaveDay, leaveDay, DayPart.Full, DayPart.Full, reason));
                break;
            }
            catch (InputValidationException e) when (e.Message.Contains("holidays", StringComparison.Ordinal))
            {
            }
        }

        receipt.ShouldNotBeNull("No working day to file leave on in that week.");
        await fixture.SendAs<LeaveDecision>(ManagerOf(owner), new ApproveLeaveRequest(receipt.RequestId));
    }

    private DirectoryUser ManagerOf(DirectoryUser person) =>
        fixture.DemoUsers.Single(u => u.Roles.Contains(Roles.Manager) && u.OrganisationUnitId == person.OrganisationUnitId);
}
