using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Offline;
using OobcCalendar.Modules.Attendance.Features.Tickets;
using OobcCalendar.Modules.Attendance.Persistence;
using Shouldly;

namespace OobcCalendar.Modules.Attendance.Tests.Features.Offline;

/// <summary>The offline scanner's upload endpoint, over HTTP with a real desk cookie, on real PostgreSQL (ADR 0030).</summary>
[Collection(AttendanceCollection.Name)]
public sealed class OfflineScanUploadTests(AttendanceFixture fixture)
{
    private const int Rounds = 10;

    private static readonly DateTimeOffset ScannedAt = AttendanceFixture.Now.AddMinutes(-3); // 8:42 AM in Manila

    private readonly AttendanceScenario scenario = new(fixture);

    [Fact]
    public async Task UploadOfflineScans_WhenABatchArrives_ThenEachIsCheckedInWithItsScanTimeAndDesk()
    {
        var (a, b) = (fixture.StaffNo(1), fixture.StaffNo(2));
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(a, b));
        var ticketA = await TicketAsync(listId, a.Id);
        var ticketB = await TicketAsync(listId, b.Id);
        var scanner = await ScannerAsync(listId);

        var verdicts = await scanner.UploadAsync(Scan(ticketA, ScannedAt), Scan(ticketB, ScannedAt.AddMinutes(1)));

        verdicts.Select(v => v.Status).ShouldBe([OfflineScanVerdict.CheckedIn, OfflineScanVerdict.CheckedIn]);
        verdicts[0].Message.ShouldBe($"{a.DisplayName} checked in at 8:42 AM (scanner 1).");
        verdicts[1].CheckedInAt.ShouldBe(ScannedAt.AddMinutes(1));
        var rows = await CheckInsAsync(listId);
        rows.Select(c => (c.PersonId, c.CheckedInAt, c.Desk)).OrderBy(r => r.CheckedInAt)
            .ShouldBe([(a.Id, ScannedAt, "scanner 1"), (b.Id, ScannedAt.AddMinutes(1), "scanner 1")]);
    }

    [Fact]
    public async Task UploadOfflineScans_WhenTheSameBatchIsUploadedAgain_ThenNothingChangesAndTheFirstVerdictsReturn()
    {
        var staff = fixture.StaffNo(3);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var scanner = await ScannerAsync(listId);
        var batch = new[] { Scan(await TicketAsync(listId, staff.Id), ScannedAt) };

        var first = await scanner.UploadAsync(batch);
        var again = await scanner.UploadAsync(batch);

        again.ShouldBe(first);
        again[0].Status.ShouldBe(OfflineScanVerdict.CheckedIn, "the re-upload is the same scan, not a second one");
        (await OfflineScannerClient.CheckInRowsAsync(fixture, listId)).ShouldBe(1);
        (await OfflineScannerClient.OfflineScanRowsAsync(fixture, listId)).ShouldBe(1);
    }

    [Fact]
    public async Task UploadOfflineScans_WhenAnotherDeskCheckedThePersonInMeanwhile_ThenAlreadyCheckedInThereAndOneCheckIn()
    {
        var staff = fixture.StaffNo(4);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var ticket = await TicketAsync(listId, staff.Id);
        var scanner = await ScannerAsync(listId);
        await fixture.SendAs<CheckInResult>(fixture.Desk2, new CheckInAttendee(listId, null, staff.Id, "desk 2"));

        var verdicts = await scanner.UploadAsync(Scan(ticket, ScannedAt));

        verdicts[0].Status.ShouldBe(OfflineScanVerdict.AlreadyCheckedIn);
        verdicts[0].Message.ShouldBe("Already checked in at 8:45 AM (desk 2).");
        verdicts[0].Desk.ShouldBe("desk 2");
        (await CheckInsAsync(listId)).ShouldHaveSingleItem().Desk.ShouldBe("desk 2");
    }

    [Fact]
    public async Task UploadOfflineScans_WhenCodesAreForgedOrForAnotherEvent_ThenRefusedWithReasonsAndNothingRecorded()
    {
        var staff = fixture.StaffNo(5);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var otherList = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var real = await TicketAsync(listId, staff.Id);
        var forged = real[..^1] + (real[^1] == 'A' ? 'B' : 'A');
        var otherEvents = await TicketAsync(otherList, staff.Id);
        var scanner = await ScannerAsync(listId);

        var verdicts = await scanner.UploadAsync(Scan(forged, ScannedAt), Scan(otherEvents, ScannedAt), Scan("D1.123.abc", ScannedAt));

        verdicts.Select(v => v.Status).ShouldAllBe(s => s == OfflineScanVerdict.Refused);
        verdicts.Select(v => v.Message).ShouldBe([
            "This code is not a valid ticket.",
            "This ticket is for another event (\"Consultation\"), not this one.",
            "That is the door's self check-in code, not a personal ticket.",
        ]);
        (await OfflineScannerClient.CheckInRowsAsync(fixture, listId)).ShouldBe(0);
        (await OfflineScannerClient.OfflineScanRowsAsync(fixture, listId)).ShouldBe(0);
    }

    [Fact]
    public async Task UploadOfflineScans_WhenTheUserIsNotADeskNorTheOrganizer_Then403AndNothingRecorded()
    {
        var (staff, other) = (fixture.StaffNo(1), fixture.StaffNo(2));
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff, other));
        var ticket = await TicketAsync(listId, other.Id);
        var scanner = await OfflineScannerClient.SignInAsync(fixture, staff, listId);
        await scanner.TokenFromPageAsync();

        using var list = await scanner.GetListAsync();
        using var upload = await scanner.PostAsync([Scan(ticket, ScannedAt)]);

        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        upload.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await upload.Content.ReadAsStringAsync()).ShouldContain("Only a check-in desk, the event's organizer or an admin can check people in.");
        (await OfflineScannerClient.CheckInRowsAsync(fixture, listId)).ShouldBe(0);
    }

    [Fact]
    public async Task UploadOfflineScans_WhenSignedOut_Then401()
    {
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(fixture.StaffNo(1)));
        using var anonymous = fixture.Anonymous();

        using var response = await anonymous.PostAsync(new Uri($"/api/attendance/offline/{listId}/scans", UriKind.Relative), new StringContent("{\"scans\":[]}", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UploadOfflineScans_WhenTheAntiforgeryTokenIsMissing_Then400AndNothingRecorded()
    {
        var staff = fixture.StaffNo(3);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var scanner = await ScannerAsync(listId);

        using var response = await scanner.PostAsync([Scan(await TicketAsync(listId, staff.Id), ScannedAt)], withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("security token is missing or out of date");
        (await OfflineScannerClient.CheckInRowsAsync(fixture, listId)).ShouldBe(0);
    }

    [Fact]
    public async Task UploadOfflineScans_WhenTheBatchHasTooManyScans_Then400WithTheLimit()
    {
        var staff = fixture.StaffNo(4);
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(staff));
        var scanner = await ScannerAsync(listId);
        var ticket = await TicketAsync(listId, staff.Id);

        using var response = await scanner.PostAsync(Enumerable.Range(0, UploadOfflineScansValidator.MaxScans + 1).Select(_ => Scan(ticket, ScannedAt)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Send at most 100 scans per upload.");
        (await OfflineScannerClient.CheckInRowsAsync(fixture, listId)).ShouldBe(0);
    }

    [Fact]
    public async Task UploadOfflineScans_WhenTheBodyIsLargerThanTheLimit_Then413WithAMessage()
    {
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(fixture.StaffNo(5)));
        var scanner = await ScannerAsync(listId);
        var huge = "{\"scans\":[" + string.Join(',', Enumerable.Repeat("{\"code\":\"" + new string('x', 1000) + "\"}", 80)) + "]}";

        using var response = await scanner.PostRawAsync(new StringContent(huge, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The upload is larger than 64 KB.");
    }

    [Fact]
    public async Task UploadOfflineScans_WhenTheSameBatchIsUploadedTwiceAtOnce_ThenOneCheckInAndBothGetItsVerdict()
    {
        var people = Enumerable.Range(1, 5).Select(fixture.StaffNo).ToArray();
        var first = await OfflineScannerClient.SignInAsync(fixture, fixture.Desk1, Guid.Empty);
        var second = await OfflineScannerClient.SignInAsync(fixture, fixture.Desk1, Guid.Empty);
        for (var round = 0; round < Rounds; round++)
        {
            var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(people));
            var batch = new List<OfflineScanUpload>();
            foreach (var person in people)
            {
                batch.Add(Scan(await TicketAsync(listId, person.Id), ScannedAt));
            }

            var clients = new[] { first.For(listId), second.For(listId) };
            foreach (var client in clients)
            {
                (await client.GetListAsync()).EnsureSuccessStatusCode();
            }

            using var start = new SemaphoreSlim(0);
            var uploads = clients.Select(c => Task.Run(async () => { await start.WaitAsync(); return await c.UploadAsync([.. batch]); })).ToList();
            start.Release(2);
            var results = await Task.WhenAll(uploads);

            results[0].ShouldBe(results[1], $"round {round}: both uploads answer the one verdict per scan");
            results[0].Select(v => v.Status).ShouldAllBe(s => s == OfflineScanVerdict.CheckedIn, $"round {round}");
            (await OfflineScannerClient.CheckInRowsAsync(fixture, listId)).ShouldBe(people.Length, $"round {round}");
            (await OfflineScannerClient.OfflineScanRowsAsync(fixture, listId)).ShouldBe(people.Length, $"round {round}");
        }
    }

    [Fact]
    public async Task GetOfflineList_WhenADeskDownloadsIt_ThenItHasEachPersonsTicketHashesUnitAndArrival()
    {
        var (a, b) = (fixture.StaffNo(1), fixture.StaffNo(2));
        var listId = await scenario.OpenAsync(await scenario.EventTodayAsync(a, b));
        var ticket = await TicketAsync(listId, a.Id);
        await fixture.SendAs<CheckInResult>(fixture.Desk2, new CheckInAttendee(listId, null, b.Id, "desk 2"));

        var list = await fixture.SendAs<OfflineList>(fixture.Desk1, new GetOfflineList(listId));

        list.People.Select(p => p.PersonId).ShouldBe([a.Id, b.Id, fixture.Organizer.Id], ignoreOrder: true);
        var personA = list.People.Single(p => p.PersonId == a.Id);
        personA.TicketHashes.ShouldBe([Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ticket)))]);
        personA.Unit.ShouldBe(a.OrganisationUnitName);
        personA.CheckedInAt.ShouldBeNull();
        list.People.Single(p => p.PersonId == b.Id).Desk.ShouldBe("desk 2");
        list.When.ShouldBe("Mon 5 Apr 2027, 9:00 AM – 11:00 AM");
    }

    private static OfflineScanUpload Scan(string code, DateTimeOffset at, string desk = "scanner 1") => new(Guid.NewGuid(), code, desk, at);

    private async Task<string> TicketAsync(Guid listId, Guid personId) =>
        (await fixture.SendAs<IssuedTicket>(fixture.Desk1, new IssueTicket(listId, personId))).Token;

    private async Task<OfflineScannerClient> ScannerAsync(Guid listId)
    {
        var scanner = await OfflineScannerClient.SignInAsync(fixture, fixture.Desk1, listId);
        (await scanner.GetListAsync()).EnsureSuccessStatusCode();
        return scanner;
    }

    private Task<List<Domain.CheckIn>> CheckInsAsync(Guid listId) =>
        fixture.WithServiceAsync<IDbContextFactory<AttendanceDbContext>, List<Domain.CheckIn>>(async contexts =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.CheckIns.AsNoTracking().Where(c => c.ListId == listId).ToListAsync();
        });
}
