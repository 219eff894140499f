using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Modules.Sharing.Features.Feeds;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.UI.Public;

/// <summary>
/// The public, read-only view of a link (no sign-in): the next weeks of its feed in the owner's zone, with a zone switch.
/// Every change to calendars, bookings, leave or links re-reads it, so a revoked or expired link turns into the
/// "expired" page on the next update.
/// </summary>
public sealed partial class SharedCalendarPage
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(42);

    private ShareAccess? access;
    private List<IGrouping<DateOnly, ShareOccurrence>> days = [];
    private IReadOnlyList<ShareOccurrence> occurrences = [];
    private bool expired;
    private bool needsPin;
    private bool pinError;
    private string? pin;
    private string zoneId = OfficeTime.DefaultTimeZoneId;
    private bool counted;

    [Parameter]
    public string Token { get; set; } = string.Empty;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private IEnumerable<string> Zones =>
        new[] { access?.TimeZoneId ?? OfficeTime.DefaultTimeZoneId, "Asia/Manila", "Asia/Singapore", "Asia/Tokyo", "Europe/London", "America/New_York", "Australia/Sydney", "UTC" }.Distinct();

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics =>
        [SharingTopics.Links, SchedulingTopics.Events, ResourcesTopics.Bookings, LeaveTopics.Requests, LeaveTopics.Holidays];

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => LoadAsync();

    /// <inheritdoc />
    protected override Task OnLiveUpdateAsync(LiveUpdate update) => expired ? Task.CompletedTask : LoadAsync();

    private async Task SubmitPinAsync()
    {
        await LoadAsync();
        pinError = needsPin;
    }

    private void OnZoneChanged(string zone)
    {
        zoneId = zone;
        Group();
    }

    private async Task LoadAsync()
    {
        // A short scope per load: the circuit lives long, a DbContext or mediator scope must not.
        await using var scope = Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        try
        {
            // Only the first interactive load counts as a view (prerendering and live refreshes do not).
            var count = RendererInfo.IsInteractive && !counted;
            var opened = await mediator.Send(new OpenShareLink(Token, pin, count));
            counted |= count;
            if (access is null)
            {
                zoneId = opened.TimeZoneId;
            }

            access = opened;
            needsPin = false;
            if (HttpContext is { } http && opened.AllowEmbed)
            {
                // Read by the host's security headers: this answer may be framed by other sites.
                http.Items[SharingModuleContract.EmbedAllowedItem] = true;
            }

            var ics = await scope.ServiceProvider.GetRequiredService<ShareCalendarComposer>().ComposeAsync(opened, CancellationToken.None);
            var now = Clock.GetUtcNow();
            occurrences = ShareOccurrences.Expand(ics, now.AddDays(-1), now + Window);
            Group();
        }
        catch (ShareUnavailableException)
        {
            expired = true;
            access = null;
        }
        catch (SharePinRequiredException)
        {
            needsPin = true;
        }
    }

    private void Group()
    {
        var zone = OfficeTime.Zone(zoneId);
        days = occurrences.OrderBy(o => o.StartUtc)
            .GroupBy(o => o.AllDay ? DateOnly.FromDateTime(o.StartUtc.UtcDateTime) : DateOnly.FromDateTime(WallClock.ToLocal(o.StartUtc, zone)))
            .ToList();
    }

    private string TimeOf(ShareOccurrence entry)
    {
        if (entry.AllDay)
        {
            return "All day";
        }

        var zone = OfficeTime.Zone(zoneId);
        return WallClock.ToLocal(entry.StartUtc, zone).ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + WallClock.ToLocal(entry.EndUtc, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
    }
}
