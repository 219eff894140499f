using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Features.InApp;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.UI;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.UI.Components;

/// <summary>
/// The bell in the app bar. It reloads on the user's own <see cref="NotificationsTopics.InApp"/> notices (a new line, or
/// lines read on another screen), and at the instant a line written ahead of time (a queued reminder) becomes due, so the
/// count is right without a refresh.
/// </summary>
public sealed partial class NotificationBell
{
    /// <summary>Lines the menu shows; the notifications page has the rest.</summary>
    internal const int Recent = 8;

    private IReadOnlyList<NotificationItem> items = [];
    private bool failed;
    private int version;
    private MudBlazor.MudMenu? menu;

    /// <summary>
    /// The unread count, carried from prerendering into the circuit (as the drawer's badges do): without it the count
    /// blinked out on every page load until the circuit had asked again.
    /// </summary>
    [PersistentState]
    public int Unread { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ILogger<NotificationBell> Logger { get; set; } = default!;

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics => [NotificationsTopics.InApp];

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.TimeZoneId);

    private string AriaLabel => Unread == 0 ? "Notifications, none unread" : $"Notifications, {Unread} unread";

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => RefreshAsync();

    /// <inheritdoc />
    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        // Notices come in bursts and answers can arrive out of order: only the newest may show.
        var asked = ++version;
        MyNotifications? mine = null;
        var result = await Submit.QuietlyAsync(async () => mine = await Mediator.Send(new ListMyNotifications(Recent)), Logger);
        if (asked != version)
        {
            return;
        }

        failed = !result.Succeeded;
        if (mine is not null)
        {
            (Unread, items) = (mine.UnreadCount, mine.Items);
            RefreshAt(mine.NextAt);
        }
    }

    private async Task OpenAsync(NotificationItem item)
    {
        if (item.ReadAt is null)
        {
            // Going there matters more than the mark: a failure is logged, and the line stays unread.
            await Submit.QuietlyAsync(async () => await Mediator.Send(new MarkNotificationsRead([item.Id])), Logger);
        }

        // The layout (and this menu) outlives the navigation: close it, or it would hang over the next page.
        if (menu is not null)
        {
            await menu.CloseMenuAsync();
        }

        Navigation.NavigateTo(item.Link);
    }

    private async Task MarkAllReadAsync()
    {
        await Submit.QuietlyAsync(async () => await Mediator.Send(new MarkNotificationsRead(null)), Logger);
        await RefreshAsync();
    }
}
