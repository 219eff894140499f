using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.UI.Events;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.UI.Home;

/// <summary>"My day" on Home: reads the user's own calendar feed (scope mine) and re-reads it on every event change.</summary>
public sealed partial class MyDaySection
{
    private MyDay? day;
    private Guid? answering;

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private EventActions Events { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<MyDaySection> Logger { get; set; } = default!;

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.TimeZoneId);

    /// <summary>A check-in desk account organises nothing (CreateEvent refuses it), so it is offered no "New event".</summary>
    private bool CanCreate => Roles.OfficeMemberRoles.Any(CurrentUser.IsInRole);

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics { get; } = [SchedulingTopics.Events];

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() => await RefreshAsync();

    /// <inheritdoc />
    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        var today = WallClock.ToLocalDate(Clock.GetUtcNow(), Zone);
        var start = WallClock.AtMidnight(today, Zone);
        await Snackbar.TryAsync(async () =>
        {
            var items = await Mediator.Send(new GetCalendarFeed(start, start + MyDay.LookAhead, CalendarScope.Mine));
            day = MyDay.From(items, today, Zone);
        }, null, Logger);
    }

    private string WhenText(FeedItem item)
    {
        var date = WallClock.ToLocalDate(item.StartUtc, Zone);
        var prefix = date == day?.Date ? string.Empty : $"{TimeText.Day(date)}, ";
        return item.AllDay ? $"{prefix}All day" : $"{prefix}{TimeText.Time(item.StartUtc, Zone)}";
    }

    private async Task OpenAsync(FeedItem item)
    {
        if (await Events.OpenAsync(item.EventId, item.Recurring ? item.RecurrenceId : null))
        {
            await RefreshAsync();
        }
    }

    // The whole invitation, series included: "Accept" on Home means "I am coming"; one occurrence is answered from its details.
    private async Task AnswerAsync(FeedItem item, ParticipantResponse response)
    {
        answering = item.EventId;
        try
        {
            var text = response == ParticipantResponse.Accepted ? "Accepted" : "Declined";
            if (await Snackbar.TryAsync(() => Mediator.Send(new RespondToEvent(item.EventId, response)).AsTask(), $"Answer saved: {text}.", Logger))
            {
                await RefreshAsync();
            }
        }
        finally
        {
            answering = null;
        }
    }

    private async Task NewEventAsync()
    {
        // The next full hour, for an hour: what a slot click on the calendar would offer.
        var local = WallClock.ToLocal(Clock.GetUtcNow(), Zone);
        var start = local.Date.AddHours(local.Hour + 1);
        if (await Events.CreateAsync(start, start.AddHours(1), allDay: false))
        {
            await RefreshAsync();
        }
    }
}
