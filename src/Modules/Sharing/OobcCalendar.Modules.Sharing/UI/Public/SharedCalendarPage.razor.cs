using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Modules.Sharing.Features.Feeds;
using OobcCalendar.Modules.Sharing.Features.Pins;
using OobcCalendar.Modules.Sharing.Features.PublicPage;
using OobcCalendar.Shared.Calendar;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.UI;
using OobcCalendar.Shared.UI.Calendar;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.UI.Public;

/// <summary>
/// The public, read-only calendar of a link (no sign-in): month, week and agenda in the owner's zone, with a zone switch
/// for the visitor. Every live notice that could change it asks the calendar again, and every ask checks the link
/// again, so a revoked, paused or expired link turns into the "expired" page on the next update (ADR 0032).
/// </summary>
public sealed partial class SharedCalendarPage
{
    private static readonly IReadOnlyList<CalendarViewKind> Views = [CalendarViewKind.Month, CalendarViewKind.Week, CalendarViewKind.Agenda];

    private static readonly string[] CommonZones =
        ["Asia/Manila", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC"];

    private readonly IReadOnlyList<CalendarFeed> feeds =
        [new CalendarFeed("share", "Shared calendar", string.Empty, OobcTheme.Theme.PaletteLight.Primary.ToString(), [])];

    private FullCalendarView? calendar;
    private ShareAccess? access;
    private CalendarRange? range;
    private CalendarEntry? selected;
    private ITimer? expiryTimer;
    private bool expired;
    private bool needsPin;
    private string? pinMessage;
    private string? pin;
    private string zoneId = OfficeTime.DefaultTimeZoneId;
    private string? visitorZone;
    private bool counted;

    [Parameter]
    public string Token { get; set; } = string.Empty;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    private string State => expired ? "expired" : needsPin ? "pin" : access is null ? "loading" : "open";

    private IEnumerable<string> Zones =>
        new[] { access?.TimeZoneId, visitorZone }.Concat(CommonZones).OfType<string>().Where(OfficeTime.IsKnownZone).Distinct(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics =>
        [SharingTopics.Links, SchedulingTopics.Events, ResourcesTopics.Bookings, LeaveTopics.Requests, LeaveTopics.Holidays];

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => OpenAsync();

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            var (done, zone) = await SafeJs.TryAsync(() => Js.InvokeAsync<string>("oobc.browserTimeZone"));
            if (done && OfficeTime.IsKnownZone(zone))
            {
                visitorZone = zone;
                StateHasChanged();
            }
        }
    }

    /// <inheritdoc />
    protected override async Task OnLiveUpdateAsync(LiveUpdate update)
    {
        // Links notices without an audience are keyed by link: another link's change is none of this page's business.
        if (expired || (update.Topic == SharingTopics.Links && update.Key != access?.LinkId.ToString()))
        {
            return;
        }

        await OpenAsync();
        if (!expired && calendar is not null)
        {
            await calendar.RefetchAsync();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            expiryTimer?.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task OpenAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        try
        {
            // Only the first interactive open counts as a view (prerendering and live checks do not).
            var count = RendererInfo.IsInteractive && !counted;
            var opened = await mediator.Send(new OpenShareLink(Token, pin, count));
            counted |= count;
            if (access is null)
            {
                zoneId = opened.TimeZoneId;
                WatchExpiry(opened.ExpiresAt);
            }

            access = opened;
            needsPin = false;
            pinMessage = null;
            AllowFraming(opened.AllowEmbed);
        }
        catch (ShareUnavailableException)
        {
            Expire();
        }
        catch (SharePinRequiredException e)
        {
            needsPin = true;
            access = null;
            AllowFraming(e.AllowEmbed);
        }
        catch (SharePinLockedException e)
        {
            needsPin = true;
            access = null;
            pinMessage = e.Message;
        }
    }

    private void AllowFraming(bool allowed)
    {
        if (allowed && HttpContext is { } http)
        {
            // Read by the host's security headers: this answer may be framed by other sites (prerendering only).
            http.Items[SharingModuleContract.EmbedAllowedItem] = true;
        }
    }

    private void Expire()
    {
        expired = true;
        access = null;
        selected = null;
        expiryTimer?.Dispose();
        if (HttpContext is { Response.HasStarted: false } http)
        {
            // The same status as the feed's for every token that does not open (ADR 0028).
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    // Expiry is an instant, not a notice: an open page checks again just after it (timers reach ~49 days, links a year).
    private void WatchExpiry(DateTimeOffset expiresAt)
    {
        var due = expiresAt - Clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        if (RendererInfo.IsInteractive && due < TimeSpan.FromDays(40))
        {
            expiryTimer = Clock.CreateTimer(_ => _ = InvokeAsync(async () =>
            {
                await OpenAsync();
                StateHasChanged();
            }), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task<IReadOnlyList<CalendarFeedEntry>> FetchAsync(CalendarFetch fetch)
    {
        await using var scope = Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        try
        {
            return await mediator.Send(new ReadSharedCalendar(Token, pin, fetch.Start, fetch.End, zoneId));
        }
        catch (Exception e) when (e is ShareUnavailableException or SharePinRequiredException or SharePinLockedException)
        {
            // The link stopped between two asks: the page turns into the expired (or PIN) page now.
            await InvokeAsync(async () =>
            {
                await OpenAsync();
                StateHasChanged();
            });
            return [];
        }
    }

    private async Task SubmitPinAsync()
    {
        if (string.IsNullOrEmpty(pin))
        {
            return;
        }

        await OpenAsync();
        if (needsPin && pinMessage is null)
        {
            pinMessage = "That PIN is not right. Check it with whoever sent you the link.";
        }
    }

    private Task OnPinKeyAsync(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e) => e.Key == "Enter" ? SubmitPinAsync() : Task.CompletedTask;

    private void OnZoneChanged(string zone)
    {
        zoneId = zone;
        selected = null;
    }

    private void OnRangeChanged(CalendarRange changed) => range = changed;

    private void OnEntryClick(CalendarEntry entry) => selected = entry;

    private Task ChangeViewAsync(CalendarViewKind view) => calendar?.ChangeViewAsync(view) ?? Task.CompletedTask;

    private string ZoneName(string zone)
    {
        var whose = (zone == access?.TimeZoneId, zone == visitorZone) switch
        {
            (true, true) => " (shared calendar's and yours)",
            (true, false) => " (shared calendar's)",
            (false, true) => " (yours)",
            _ => string.Empty,
        };
        return zone.Replace('_', ' ') + whose;
    }

    private static string When(CalendarEntry entry)
    {
        var culture = CultureInfo.InvariantCulture;
        if (entry.AllDay)
        {
            var last = (entry.End ?? entry.Start.AddDays(1)).AddDays(-1);
            return last.Date <= entry.Start.Date ? entry.Start.ToString("dddd d MMMM yyyy", culture) + " · all day"
                : $"{entry.Start.ToString("d MMM", culture)} – {last.ToString("d MMM yyyy", culture)} · all day";
        }

        return $"{entry.Start.ToString("dddd d MMMM yyyy, HH:mm", culture)}–{(entry.End ?? entry.Start).ToString("HH:mm", culture)}";
    }
}
