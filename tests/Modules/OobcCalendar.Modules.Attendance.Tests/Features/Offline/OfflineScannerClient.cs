using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Features.Offline;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Tests.Features.Offline;

/// <summary>What the scanner page does over HTTP, with a real sign-in cookie: download the list (and its antiforgery token), upload scans.</summary>
internal sealed class OfflineScannerClient(HttpClient http, Guid listId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Token { get; private set; }

    /// <summary>The same signed-in client, for another list.</summary>
    public OfflineScannerClient For(Guid otherListId) => new(http, otherListId);

    public static async Task<OfflineScannerClient> SignInAsync(AttendanceFixture fixture, DirectoryUser user, Guid listId) =>
        new(await fixture.SignedInClientAsync(user), listId);

    public async Task<HttpResponseMessage> GetListAsync()
    {
        var response = await http.GetAsync(new Uri($"/api/attendance/offline/{listId}/list", UriKind.Relative));
        if (response.IsSuccessStatusCode)
        {
            Token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["antiforgeryToken"]!.GetValue<string>();
        }

        return response;
    }

    /// <summary>The token from the page shell (any signed-in user gets the page; the list is for desks only).</summary>
    public async Task TokenFromPageAsync()
    {
        var page = await http.GetStringAsync(new Uri($"/attendance/offline/{listId}", UriKind.Relative));
        var marker = "name=\"oobc-antiforgery\" content=\"";
        var start = page.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        Token = System.Net.WebUtility.HtmlDecode(page[start..page.IndexOf('"', start)]);
    }

    public async Task<HttpResponseMessage> PostRawAsync(HttpContent content, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/attendance/offline/{listId}/scans", UriKind.Relative)) { Content = content };
        if (withToken && Token is not null)
        {
            request.Headers.Add("RequestVerificationToken", Token);
        }

        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(IEnumerable<OfflineScanUpload> scans, bool withToken = true) =>
        PostRawAsync(JsonContent.Create(new { scans }, options: Json), withToken);

    public async Task<IReadOnlyList<OfflineScanVerdict>> UploadAsync(params OfflineScanUpload[] scans)
    {
        using var response = await PostAsync(scans);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}: {body}");
        }

        return JsonSerializer.Deserialize<OfflineUploadResult>(body, Json)!.Verdicts;
    }

    public static Task<int> CheckInRowsAsync(AttendanceFixture fixture, Guid listId) =>
        fixture.WithServiceAsync<IDbContextFactory<AttendanceDbContext>, int>(async contexts =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.CheckIns.CountAsync(c => c.ListId == listId);
        });

    public static Task<int> OfflineScanRowsAsync(AttendanceFixture fixture, Guid listId) =>
        fixture.WithServiceAsync<IDbContextFactory<AttendanceDbContext>, int>(async contexts =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.OfflineScans.CountAsync(s => s.ListId == listId);
        });
}
