using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.UI.Components;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Resources.UI.Pages;

/// <summary>The signed-in user's bookings by day, with live status and cancelling.</summary>
public partial class MyBookingsPage
{
    private static readonly TimeSpan PastWindow = TimeSpan.FromDays(90);
    private IReadOnlyList<BookingItem>? bookings;
    private bool showClosed;
    private Guid? cancelling;
    private Guid? dismissing;

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ILogger<MyBookingsPage> Logger { get; set; } = default!;

    protected override IReadOnlyCollection<string> LiveTopics => [ResourcesTopics.Bookings];

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.TimeZoneId);

    protected override Task OnInitializedAsync() => RefreshAsync();

    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        // Upcoming: what still holds a slot (the query's default window starts half a day back) and recent decisions not yet dismissed.
        var from = showClosed ? Clock.GetUtcNow() - PastWindow : (DateTimeOffset?)null;
        bookings = await Mediator.Send(new ListMyBookings(from, showClosed));
    }

    private async Task OnShowClosedAsync(bool value)
    {
        (showClosed, bookings) = (value, null);
        await RefreshAsync();
    }

    private bool CanCancel(BookingItem booking) =>
        booking.Status is BookingStatus.Pending or BookingStatus.Approved && booking.End > Clock.GetUtcNow();

    private async Task CancelAsync(BookingItem booking)
    {
        var when = TimeText.Range(booking.Start, booking.End, Zone);
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Cancel {booking.ResourceName}?",
            $"{when}: {booking.Purpose}. The slot is freed for others and invitees are told.",
            yesText: "Cancel booking",
            cancelText: "Keep it");
        if (confirmed != true)
        {
            return;
        }

        cancelling = booking.Id;
        if (await Snackbar.TryAsync(() => Mediator.Send(new CancelBooking(booking.Id)).AsTask(), $"Cancelled {booking.ResourceName}, {when}.", Logger))
        {
            await RefreshAsync();
        }

        cancelling = null;
    }

    // A decision someone else made stays on the list until the requester has read it and says so.
    private static bool CanDismiss(BookingItem booking) => booking.ClosedByOthers && booking.DismissedByRequesterAt is null;

    private async Task DismissAsync(BookingItem booking)
    {
        dismissing = booking.Id;
        if (await Snackbar.TryAsync(() => Mediator.Send(new DismissBooking(booking.Id)).AsTask(), null, Logger))
        {
            await RefreshAsync();
        }

        dismissing = null;
    }

    private DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(WallClock.ToLocal(instant, Zone));

    private string DayTitle(DateOnly day)
    {
        var today = DayOf(Clock.GetUtcNow());
        var name = TimeText.LongDate(day);
        return day == today ? $"Today · {name}" : day == today.AddDays(1) ? $"Tomorrow · {name}" : name;
    }

    private static Color StatusColor(BookingStatus status) => status switch
    {
        BookingStatus.Pending => Color.Warning,
        BookingStatus.Approved => Color.Success,
        BookingStatus.Rejected => Color.Error,
        _ => Color.Default,
    };

    private static string RowClass(BookingItem booking) =>
        booking.Status is BookingStatus.Cancelled or BookingStatus.Rejected ? "oobc-booking-row oobc-booking-closed" : "oobc-booking-row";
}
