using OobcCalendar.Modules.Scheduling.Domain.Events;

namespace OobcCalendar.Modules.Scheduling.Features.Calendar;

/// <summary>Which events a user sees under each calendar scope and filter, as one query condition.</summary>
internal static class CalendarVisibility
{
    public static IQueryable<CalendarEvent> Visible(
        IQueryable<CalendarEvent> events, Guid me, Guid? unit, CalendarScope scope, IReadOnlyList<Guid>? categoryIds, bool showDeclined)
    {
        // Overlap (&&) rather than Contains (= ANY): only the former can use the GIN index on member_ids.
        var meArray = new[] { me };
        var query = scope switch
        {
            CalendarScope.Mine => events.Where(e => e.MemberIds.Any(m => meArray.Contains(m))),
            CalendarScope.Unit => events.Where(e => e.MemberIds.Any(m => meArray.Contains(m)) || (e.Visibility != EventVisibility.Private && unit != null && e.OrganizerUnitId == unit)),
            _ => events.Where(e => e.MemberIds.Any(m => meArray.Contains(m)) || e.Visibility != EventVisibility.Private),
        };
        if (categoryIds is { Count: > 0 })
        {
            var ids = categoryIds.ToList();
            query = query.Where(e => e.CategoryId != null && ids.Contains(e.CategoryId.Value));
        }

        if (!showDeclined)
        {
            query = query.Where(e => !e.Participants.Any(p => p.UserId == me && p.Response == ParticipantResponse.Declined));
        }

        return query;
    }
}
