using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Features.Home;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.UI.Home;

/// <summary>The bookings card on Home; re-reads on every booking or resource change.</summary>
public sealed partial class BookingsHomeSection
{
    private HomeBookings? home;
    private Dictionary<Guid, string> names = [];

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private IUserDirectory Directory { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<BookingsHomeSection> Logger { get; set; } = default!;

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.TimeZoneId);

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics { get; } = [ResourcesTopics.Bookings, ResourcesTopics.Resources];

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() => await RefreshAsync();

    /// <inheritdoc />
    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    /// <inheritdoc />
    protected override async Task ReloadAsync() => await Snackbar.TryAsync(async () =>
    {
        var read = await Mediator.Send(new GetHomeBookings());
        var ids = read.Waiting.Select(b => b.RequesterId).Distinct().ToList();
        names = ids.Count == 0 ? [] : (await Directory.GetManyAsync(ids, CancellationToken.None)).ToDictionary(u => u.Id, u => u.DisplayName);
        home = read;
    }, null, Logger);

    private string NameOf(Guid id) => names.GetValueOrDefault(id) ?? "Someone";

    private static string WaitingText(int count) => count == 1 ? "1 request waits for you" : $"{count} requests wait for you";

    private static Color StatusColor(BookingStatus status) => status switch
    {
        BookingStatus.Pending => Color.Warning,
        BookingStatus.Approved => Color.Success,
        BookingStatus.Rejected => Color.Error,
        _ => Color.Default,
    };
}
