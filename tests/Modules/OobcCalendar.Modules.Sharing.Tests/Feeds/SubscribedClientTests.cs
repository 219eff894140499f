using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;
using Shouldly;
using Xunit.Abstractions;

namespace OobcCalendar.Modules.Sharing.Tests.Feeds;

/// <summary>The host on a real port, so programs outside the process can subscribe to its feeds.</summary>
public sealed class SharingKestrelFixture() : ModuleFixture(new ModuleFixtureOptions("sharing-http", [SharingModuleContract.Name, SchedulingModuleContract.Name])
{
    FrozenAt = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)),
    Identity = TestIdentity.TestUserOutsideRequests,
    Kestrel = true,
});

/// <summary>
/// Real subscribers nobody here wrote (issue 13): Debian's vdirsyncer reads a link's feed over HTTP into a folder
/// (its "http" storage into a "filesystem" storage) and khal lists that folder for a date range, as someone who
/// subscribed would see it. A weekly series in April 2027 with a moved and a cancelled occurrence, a private and a
/// busy-only event, each with texts that must not travel.
/// </summary>
public sealed class SubscribedClientTests(SharingKestrelFixture fixture, ITestOutputHelper output) : IClassFixture<SharingKestrelFixture>
{
    private static readonly DateTimeOffset FirstMonday = new(2027, 4, 5, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task VdirsyncerAndKhal_SubscribedAtTitles_ListTheSeriesWithItsChangesAndOnlyBusyForPrivateEvents()
    {
        var calendar = await CalendarAsync(fixture.DemoUser("staff1@oobc.gov.ph"));
        var link = await fixture.SendAs<CreatedShareLink>(fixture.DemoUser("staff1@oobc.gov.ph"), new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.All, ShareDetailLevel.Titles, "Partners"));

        var (listed, files) = await SubscribeAndListAsync(link.Token);

        // Mondays 5 and 26 April, 3 May at 09:00 Manila; the 12th moved to Tuesday 13th 14:00; the 19th cancelled.
        listed.ShouldContain($"2027-04-05 09:00 | {calendar.Title} |  |");
        listed.ShouldContain($"2027-04-13 14:00 | {calendar.Title} (moved) |  |");
        listed.ShouldContain($"2027-04-26 09:00 | {calendar.Title} |  |");
        listed.ShouldContain($"2027-05-03 09:00 | {calendar.Title} |  |");
        listed.Where(l => l.Contains(calendar.Title, StringComparison.Ordinal)).Count().ShouldBe(4);
        listed.ShouldContain("2027-04-06 09:00 | Busy |  |");
        listed.ShouldContain("2027-04-07 09:00 | Busy |  |");
        foreach (var secret in calendar.Secrets)
        {
            string.Join("\n", listed).ShouldNotContain(secret);
            files.ShouldNotContain(secret);
        }

        files.ShouldNotContain("@oobc.gov.ph");
    }

    [Fact]
    public async Task VdirsyncerAndKhal_SubscribedBusyOnly_ListOnlyBusyBlocks()
    {
        var owner = fixture.DemoUser("staff2@oobc.gov.ph");
        var calendar = await CalendarAsync(owner);
        var link = await fixture.SendAs<CreatedShareLink>(owner, new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.All, ShareDetailLevel.BusyOnly, "Busy"));

        var (listed, files) = await SubscribeAndListAsync(link.Token);

        listed.ShouldContain("2027-04-05 09:00 | Busy |  |");
        listed.ShouldContain("2027-04-13 14:00 | Busy |  |");
        listed.ShouldAllBe(l => l.Contains("| Busy |"));
        files.ShouldNotContain(calendar.Title);
        calendar.Secrets.ShouldAllBe(s => !files.Contains(s, StringComparison.Ordinal));
    }

    private sealed record OwnerCalendar(string Title, IReadOnlyList<string> Secrets);

    private async Task<OwnerCalendar> CalendarAsync(DirectoryUser owner)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var title = $"Partner sync {tag}";
        string[] secrets = [$"Agenda {tag}", $"Room {tag}", $"Doctor {tag}", $"Clinic {tag}", $"Focus {tag}", $"Desk {tag}", $"Moved agenda {tag}"];
        var participants = new[] { fixture.DemoUser("staff4@oobc.gov.ph").Id };
        var series = await fixture.SendAs<Guid>(owner, new CreateEvent(Draft(title, secrets[0], secrets[1], FirstMonday, "FREQ=WEEKLY;BYDAY=MO;COUNT=5", EventVisibility.Normal, participants)));
        var moved = new DateTimeOffset(2027, 4, 13, 14, 0, 0, TimeSpan.FromHours(8));
        await fixture.SendAs<Guid>(owner, new UpdateEvent(series, FirstMonday.AddDays(7), EditScope.Occurrence, Draft(title + " (moved)", secrets[6], secrets[1], moved, null, EventVisibility.Normal, participants)));
        await fixture.SendAs<Mediator.Unit>(owner, new CancelEvent(series, FirstMonday.AddDays(14), EditScope.Occurrence));
        await fixture.SendAs<Guid>(owner, new CreateEvent(Draft(secrets[2], "Private notes " + tag, secrets[3], FirstMonday.AddDays(1), null, EventVisibility.Private, [])));
        await fixture.SendAs<Guid>(owner, new CreateEvent(Draft(secrets[4], "Only busy " + tag, secrets[5], FirstMonday.AddDays(2), null, EventVisibility.BusyOnly, [])));
        return new OwnerCalendar(title, secrets);
    }

    private static EventDraft Draft(string title, string description, string location, DateTimeOffset start, string? rule, EventVisibility visibility, IReadOnlyList<Guid> participants) =>
        new(title, description, location, start, start.AddHours(1), "Asia/Manila", false, null, visibility, participants, [15], rule);

    /// <summary>
    /// vdirsyncer (http → filesystem) then khal over the folder, each with its own config in a temp folder; answers khal's
    /// lines ("start | title | location | description") for April and May 2027, and every synced file's text.
    /// </summary>
    private async Task<(List<string> Listed, string Files)> SubscribeAndListAsync(string token)
    {
        var root = Directory.CreateTempSubdirectory("oobc-khal-");
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "calendar")).FullName;
            var url = new Uri(fixture.ServerAddress!, $"/share/{token}.ics");
            var vdirsyncer = Path.Combine(root.FullName, "vdirsyncer.conf");
            await File.WriteAllTextAsync(vdirsyncer, $"""
                [general]
                status_path = "{root.FullName}/status/"

                [pair share]
                a = "share_remote"
                b = "share_local"
                collections = null

                [storage share_remote]
                type = "http"
                url = "{url}"

                [storage share_local]
                type = "filesystem"
                path = "{folder}/"
                fileext = ".ics"
                """);
            var khal = Path.Combine(root.FullName, "khal.conf");
            await File.WriteAllTextAsync(khal, $"""
                [calendars]
                [[shared]]
                path = {folder}/
                type = calendar

                [locale]
                timeformat = %H:%M
                dateformat = %Y-%m-%d
                longdateformat = %Y-%m-%d
                datetimeformat = %Y-%m-%d %H:%M
                longdatetimeformat = %Y-%m-%d %H:%M
                local_timezone = Asia/Manila
                default_timezone = Asia/Manila

                [sqlite]
                path = {root.FullName}/khal.db
                """);
            await RunAsync(root.FullName, "/usr/bin/vdirsyncer", "-c", vdirsyncer, "discover", "share");
            await RunAsync(root.FullName, "/usr/bin/vdirsyncer", "-c", vdirsyncer, "sync");
            var listed = await RunAsync(root.FullName, "/usr/bin/khal", "-c", khal, "list", "--day-format", "", "--format", "{start} | {title} | {location} | {description}", "2027-04-01", "60d");
            var files = string.Join("\n", Directory.GetFiles(folder, "*.ics").Select(File.ReadAllText));
            var lines = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            output.WriteLine(string.Join("\n", lines));
            return (lines, files);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static Task<string> RunAsync(string home, string program, params string[] arguments) =>
        // Their own config files only (no user's ~/.config), and a UTF-8 locale for click.
        DebianProgram.RunAsync(program, arguments, Path.GetFileName(program), new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["XDG_CONFIG_HOME"] = home,
            ["LANG"] = "C.UTF-8",
            ["LC_ALL"] = "C.UTF-8",
        });
}
