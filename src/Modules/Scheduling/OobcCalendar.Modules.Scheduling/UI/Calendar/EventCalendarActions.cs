using System.Globalization;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.UI.Events;
using OobcCalendar.Shared.UI.Calendar;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.UI.Calendar;

/// <summary>
/// The events feed's hooks on the combined calendar: entries open in Scheduling's own dialogs, drags and resizes move
/// the event, a selected slot starts a new one, and event categories become filters. The page knows none of this.
/// </summary>
internal sealed class EventCalendarActions(EventActions events, ICurrentUser currentUser) : ICalendarEntryActions, ICalendarCategorySource
{
    /// <summary>Key of the events feed in Scheduling's module definition.</summary>
    public const string Key = "events";

    public string FeedKey => Key;

    /// <summary>"New event", or nothing for a check-in desk account (a shared login organises no meetings).</summary>
    public string? CreateLabel => Roles.OfficeMemberRoles.Any(currentUser.IsInRole) ? "New event" : null;

    public async Task<bool> OpenAsync(CalendarEntry entry) =>
        ReadEventKey(entry) is { } key && await events.OpenAsync(key.EventId, key.RecurrenceId);

    public async Task<bool> MoveAsync(CalendarEntryChange change) =>
        ReadEventKey(change.Entry) is { } key
        && await events.MoveAsync(key.EventId, key.RecurrenceId, change.Entry.Start, change.Entry.End, change.Entry.AllDay);

    public Task<bool> CreateAsync(CalendarSlot slot) => events.CreateAsync(slot.Start, slot.End, slot.AllDay);

    public async Task<IReadOnlyList<CalendarCategory>> CategoriesAsync() =>
        (await events.CategoriesAsync()).Select(c => new CalendarCategory(c.Id, c.Name, c.Colour)).ToList();

    private static (Guid EventId, DateTimeOffset? RecurrenceId)? ReadEventKey(CalendarEntry entry)
    {
        if (entry.Kind != FeedJson.Kind || !Guid.TryParse(entry.Prop("eventId"), out var eventId))
        {
            return null;
        }

        DateTimeOffset? recurrenceId = DateTimeOffset.TryParse(entry.Prop("recurrenceId"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rid) ? rid : null;
        return (eventId, recurrenceId);
    }
}
