using Mediator;

namespace OobcCalendar.Modules.Scheduling.Contracts;

/// <summary>
/// The events of <paramref name="OwnerIds"/> (organised or taken part in, declined invitations left out) with an
/// occurrence in [<paramref name="From"/>, <paramref name="To"/>), as the text of an .ics file: a series whole with
/// its rule and changes, each zone's VTIMEZONE. What goes in a calendar is Scheduling's; other modules (Sharing's
/// public feeds, a CalDAV server) ask for it here instead of reading Scheduling's tables (docs/adr/0009).
/// The caller decides who may see the owners' calendar at <paramref name="DetailLevel"/>; this query does not
/// check the current user. At most <see cref="MaxDays"/> days and <see cref="MaxOwners"/> owners.
/// </summary>
public sealed record GetCalendarIcs(IReadOnlyList<Guid> OwnerIds, DateTimeOffset From, DateTimeOffset To, IcsDetailLevel DetailLevel) : IQuery<string>
{
    /// <summary>Longest range one answer covers (as the signed-in export).</summary>
    public const int MaxDays = 400;

    /// <summary>Most calendars one answer merges.</summary>
    public const int MaxOwners = 50;
}

/// <summary>How much of each event a calendar written by <see cref="GetCalendarIcs"/> shows.</summary>
public enum IcsDetailLevel
{
    /// <summary>Only when each owner is busy: every event is a "Busy" block, with no title, place, notes or people.</summary>
    FreeBusy = 0,

    /// <summary>Titles, places, notes, categories and people of normal events; private events stay "Busy" blocks.</summary>
    Details = 1,

    /// <summary>
    /// For readers outside the office (Sharing's links): titles and times of normal events only; private and busy-only
    /// events stay "Busy" blocks; no place, notes, categories, reminders or people.
    /// </summary>
    PublicTitles = 2,

    /// <summary>
    /// For readers outside the office: title, time, place and description of normal events; private and busy-only events
    /// stay "Busy" blocks; never people (organizer, attendees, their answers or e-mail addresses), categories or reminders.
    /// </summary>
    PublicDetails = 3,
}
