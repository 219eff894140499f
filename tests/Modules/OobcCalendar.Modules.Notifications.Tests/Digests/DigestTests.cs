using OobcCalendar.Modules.Notifications.Tests.Features;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Digests;

/// <summary>
/// Daily and weekly digests on real PostgreSQL: the sweep decides in each person's zone, once per local date or ISO
/// week, across DST changes; the mail reaches a real SMTP process. Each test owns its dates (see <see cref="DigestFixture"/>).
/// </summary>
[Collection(DigestCollection.Name)]
public sealed class DigestTests(DigestFixture fixture)
{
    private const string Manila = "Asia/Manila";
    private const string NewYork = "America/New_York";
    private static readonly TimeOnly Seven = new(7, 0);

    private Guid Ana => fixture.StaffNo(1).Id;

    private Guid Ben => fixture.StaffNo(2).Id;

    [Fact]
    public async Task TwoZones_WhenEachReachesSevenLocal_ThenEachGetsOneDailyDigestOfTheirOwnDay()
    {
        await fixture.PreferAsync(Ana, Manila, Seven);
        await fixture.PreferAsync(Ben, NewYork, Seven);
        var anaTitle = Facts.Unique("Manila budget");
        var benTitle = Facts.Unique("New York sync");
        await fixture.ScheduleAsync(Ana, anaTitle, new DateTimeOffset(2027, 4, 6, 10, 0, 0, TimeSpan.FromHours(8)), Manila);
        await fixture.ScheduleAsync(Ben, benTitle, new DateTimeOffset(2027, 4, 6, 10, 0, 0, TimeSpan.FromHours(-4)), NewYork);

        // 06:59 and 07:00 in Manila on Tuesday 6 April (the evening before in New York).
        await fixture.SweepAsync(new DateTimeOffset(2027, 4, 5, 22, 59, 0, TimeSpan.Zero));
        (await OnSixthAsync(Ana)).ShouldBeEmpty();
        await fixture.SweepAsync(new DateTimeOffset(2027, 4, 5, 23, 0, 0, TimeSpan.Zero));
        var ana = (await OnSixthAsync(Ana)).ShouldHaveSingleItem();
        ana.DedupeKey.ShouldBe("digest.daily|daily:2027-04-06|-|-");
        ana.Subject.ShouldBe("Your day: Tuesday 6 April 2027 (1 event)");
        ana.TextBody.ShouldContain(anaTitle);
        ana.TextBody.ShouldNotContain(benTitle);
        (await OnSixthAsync(Ben)).ShouldBeEmpty();

        // 06:59 and 07:00 in New York (EDT, UTC−4).
        await fixture.SweepAsync(new DateTimeOffset(2027, 4, 6, 10, 59, 0, TimeSpan.Zero));
        (await OnSixthAsync(Ben)).ShouldBeEmpty();
        await fixture.SweepAsync(new DateTimeOffset(2027, 4, 6, 11, 0, 0, TimeSpan.Zero));
        var ben = (await OnSixthAsync(Ben)).ShouldHaveSingleItem();
        ben.DedupeKey.ShouldBe("digest.daily|daily:2027-04-06|-|-");
        ben.TextBody.ShouldContain(benTitle);
        ben.TextBody.ShouldContain("10:00 AM");
        (await OnSixthAsync(Ana)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task SpringForward_WhenTheDigestTimeDoesNotExist_ThenItComesAtTheFirstMinuteAfterOnce()
    {
        // Sunday 14 March 2027 in New York: 02:00 EST jumps to 03:00 EDT, so 02:30 never happens.
        await fixture.PreferAsync(Ben, NewYork, new TimeOnly(2, 30));
        await fixture.ScheduleAsync(Ben, Facts.Unique("Spring brunch"), new DateTimeOffset(2027, 3, 14, 12, 0, 0, TimeSpan.FromHours(-4)), NewYork);

        var firstAt = await SweepMinutesAsync(Ben, new DateTimeOffset(2027, 3, 14, 6, 50, 0, TimeSpan.Zero), minutes: 30);

        firstAt.ShouldBe(new DateTimeOffset(2027, 3, 14, 7, 0, 0, TimeSpan.Zero)); // 03:00 EDT
        (await fixture.DigestsAsync(Ben)).Where(m => m.DedupeKey.Contains("2027-03-14")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task FallBack_WhenTheDigestTimeHappensTwice_ThenOneDigest()
    {
        // Sunday 7 November 2027 in New York: 01:30 comes at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
        await fixture.PreferAsync(Ben, NewYork, new TimeOnly(1, 30));
        await fixture.ScheduleAsync(Ben, Facts.Unique("Autumn walk"), new DateTimeOffset(2027, 11, 7, 10, 0, 0, TimeSpan.FromHours(-5)), NewYork);

        var firstAt = await SweepMinutesAsync(Ben, new DateTimeOffset(2027, 11, 7, 5, 20, 0, TimeSpan.Zero), minutes: 90);

        firstAt.ShouldBe(new DateTimeOffset(2027, 11, 7, 5, 30, 0, TimeSpan.Zero));
        (await fixture.DigestsAsync(Ben)).Where(m => m.DedupeKey.Contains("2027-11-07")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Rerun_Off_AndEmpty_WhenSweptTwice_ThenOneDigestForTheOneWhoWantsItAndHasSomething()
    {
        var cara = fixture.StaffNo(3).Id;
        var dan = fixture.StaffNo(4).Id;
        await fixture.PreferAsync(Ana, Manila, Seven);
        await fixture.PreferAsync(cara, Manila, Seven, daily: false);
        await fixture.PreferAsync(dan, Manila, Seven);
        var day = new DateTimeOffset(2027, 4, 21, 9, 0, 0, TimeSpan.FromHours(8));
        await fixture.ScheduleAsync(Ana, Facts.Unique("Ana's review"), day, Manila);
        await fixture.ScheduleAsync(cara, Facts.Unique("Cara's review"), day, Manila);

        var seven = new DateTimeOffset(2027, 4, 21, 7, 0, 0, TimeSpan.FromHours(8));
        await fixture.SweepAsync(seven);
        await fixture.SweepAsync(seven.AddMinutes(1));
        await Task.WhenAll(fixture.SweepAsync(seven.AddMinutes(2)), fixture.SweepAsync(seven.AddMinutes(2)));

        (await fixture.DigestsAsync(Ana)).Where(m => m.DedupeKey.Contains("2027-04-21")).ShouldHaveSingleItem();
        (await fixture.DigestsAsync(cara)).Where(m => m.DedupeKey.Contains("2027-04-21")).ShouldBeEmpty();
        (await fixture.RunsAsync(cara)).ShouldNotContain(r => r.Period == "daily:2027-04-21");
        // Dan has nothing that day: handled once, recorded as empty, not sent.
        (await fixture.DigestsAsync(dan)).Where(m => m.DedupeKey.Contains("2027-04-21")).ShouldBeEmpty();
        (await fixture.RunsAsync(dan)).Where(r => r.Period == "daily:2027-04-21").ShouldHaveSingleItem().Sent.ShouldBeFalse();
    }

    [Fact]
    public async Task Weekly_WhenSweptSundayToWednesday_ThenOnlyMondayBringsTheWeek()
    {
        var eve = fixture.StaffNo(5).Id;
        await fixture.PreferAsync(eve, Manila, Seven, daily: false, weekly: true);
        var tuesday = Facts.Unique("Tuesday workshop");
        var thursday = Facts.Unique("Thursday retro");
        await fixture.ScheduleAsync(eve, tuesday, new DateTimeOffset(2027, 5, 11, 9, 0, 0, TimeSpan.FromHours(8)), Manila);
        await fixture.ScheduleAsync(eve, thursday, new DateTimeOffset(2027, 5, 13, 15, 0, 0, TimeSpan.FromHours(8)), Manila);

        for (var day = 9; day <= 12; day++)
        {
            await fixture.SweepAsync(new DateTimeOffset(2027, 5, day, 7, 0, 0, TimeSpan.FromHours(8)));
            await fixture.SweepAsync(new DateTimeOffset(2027, 5, day, 12, 0, 0, TimeSpan.FromHours(8)));
        }

        var weekly = (await fixture.DigestsAsync(eve)).Where(m => m.Type == "digest.weekly" && m.DedupeKey.Contains("2027-W19")).ShouldHaveSingleItem();
        weekly.Subject.ShouldBe("Your week from Monday 10 May 2027 (2 events)");
        weekly.TextBody.ShouldContain(tuesday);
        weekly.TextBody.ShouldContain(thursday);
        (await fixture.DigestsAsync(eve)).ShouldNotContain(m => m.Type == "digest.daily");
    }

    [Fact]
    public async Task Smtp_WhenADigestIsSent_ThenItArrivesWithTextAndHtml()
    {
        await fixture.PreferAsync(Ana, Manila, Seven);
        var title = Facts.Unique("Partner meeting");
        await fixture.ScheduleAsync(Ana, title, new DateTimeOffset(2027, 6, 2, 14, 0, 0, TimeSpan.FromHours(8)), Manila);

        await fixture.SweepAsync(new DateTimeOffset(2027, 6, 2, 7, 0, 0, TimeSpan.FromHours(8)));
        fixture.WakeSender();

        var subject = "Your day: Wednesday 2 June 2027 (1 event)";
        await Eventually.UntilAsync(
            async () => (await fixture.Smtp.MessagesAsync()).Any(m => m.Message.Subject == subject),
            TimeSpan.FromSeconds(30),
            "the digest at the SMTP server",
            () => Task.FromResult(fixture.Smtp.Transcript()));
        var mail = (await fixture.Smtp.MessagesAsync()).Single(m => m.Message.Subject == subject);
        mail.Recipients.ShouldContain(fixture.StaffNo(1).Email);
        mail.Message.TextBody!.ShouldContain(title);
        mail.Message.HtmlBody!.ShouldContain(title);
        mail.Message.HtmlBody!.ShouldContain("https://calendar.test/calendar");
    }

    private async Task<List<OobcCalendar.Modules.Notifications.Domain.Messages.OutgoingMessage>> OnSixthAsync(Guid person) =>
        [.. (await fixture.DigestsAsync(person)).Where(m => m.DedupeKey.Contains("2027-04-06"))];

    /// <summary>Sweeps once a minute from <paramref name="from"/>; returns the first minute that brought a digest to <paramref name="person"/>.</summary>
    private async Task<DateTimeOffset?> SweepMinutesAsync(Guid person, DateTimeOffset from, int minutes)
    {
        var before = (await fixture.DigestsAsync(person)).Count;
        DateTimeOffset? first = null;
        for (var i = 0; i < minutes; i++)
        {
            var at = from.AddMinutes(i);
            await fixture.SweepAsync(at);
            if (first is null && (await fixture.DigestsAsync(person)).Count > before)
            {
                first = at;
            }
        }

        return first;
    }
}
