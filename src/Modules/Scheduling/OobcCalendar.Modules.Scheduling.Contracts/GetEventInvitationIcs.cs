using Mediator;

namespace OobcCalendar.Modules.Scheduling.Contracts;

/// <summary>
/// One event (a series whole, with its changed and deleted occurrences) as an .ics file for an e-mail invitation:
/// <see cref="Method"/> <c>REQUEST</c> (invite or update; mail clients offer accept/decline) or <c>CANCEL</c> (the event
/// is marked cancelled). Written by the same writer as the export, with organizer and attendees, so Notifications does
/// not write iCalendar a second time. Answers null when the event does not exist. Sent by a module on its own behalf
/// (no user check): do not route it from a page.
/// </summary>
public sealed record GetEventInvitationIcs(Guid EventId, string Method) : IQuery<string?>
{
    /// <summary>An invitation or an update.</summary>
    public const string Request = "REQUEST";

    /// <summary>A cancellation.</summary>
    public const string Cancel = "CANCEL";
}
