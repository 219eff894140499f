using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Features.InApp;
using OobcCalendar.Modules.Notifications.Messages.Rendering;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.UI.Pages;

/// <summary>The full list behind the bell; pages by growing the list ("Show more"), as new lines arrive live on top.</summary>
public sealed partial class NotificationsPage
{
    private const int PageSize = 20;

    private IReadOnlyList<NotificationItem>? items;
    private int unread;
    private int take = PageSize;
    private bool hasMore;
    private bool unreadOnly;
    private string type = string.Empty;
    private bool failed;

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private MessageTypes Types { get; set; } = default!;

    [Inject] private ILogger<NotificationsPage> Logger { get; set; } = default!;

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics => [NotificationsTopics.InApp];

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.TimeZoneId);

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => RefreshAsync();

    /// <inheritdoc />
    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    private string TypeName(string key) => Types.All.FirstOrDefault(t => t.Key == key)?.Name ?? key;

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        // One more than shown tells whether "Show more" has anything to show.
        var result = await Submit.QuietlyAsync(async () =>
        {
            var mine = await Mediator.Send(new ListMyNotifications(take + 1, unreadOnly, type.Length == 0 ? null : type));
            unread = mine.UnreadCount;
            hasMore = mine.Items.Count > take;
            items = [.. mine.Items.Take(take)];
            RefreshAt(mine.NextAt);
        }, Logger);
        failed = !result.Succeeded;
    }

    private async Task SetUnreadOnlyAsync(bool value)
    {
        (unreadOnly, take) = (value, PageSize);
        await RefreshAsync();
    }

    private async Task SetTypeAsync(string value)
    {
        (type, take) = (value ?? string.Empty, PageSize);
        await RefreshAsync();
    }

    private async Task ShowMoreAsync()
    {
        take += PageSize;
        await RefreshAsync();
    }

    private async Task OpenAsync(NotificationItem item)
    {
        if (item.ReadAt is null)
        {
            await Submit.QuietlyAsync(async () => await Mediator.Send(new MarkNotificationsRead([item.Id])), Logger);
        }

        Navigation.NavigateTo(item.Link);
    }

    private async Task MarkReadAsync(NotificationItem item)
    {
        await Submit.QuietlyAsync(async () => await Mediator.Send(new MarkNotificationsRead([item.Id])), Logger);
        await RefreshAsync();
    }

    private async Task MarkAllReadAsync()
    {
        await Submit.QuietlyAsync(async () => await Mediator.Send(new MarkNotificationsRead(null)), Logger);
        await RefreshAsync();
    }
}
