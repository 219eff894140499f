using Mediator;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.Features.Feeds;

/// <summary>
/// Builds a link's calendar at request time from the other modules' public queries (Sharing reads no other schema):
/// Scheduling's events as series with their rules and changes, then approved bookings and leave as single entries.
/// The detail level is applied here for bookings and leave and by Scheduling for events (ADR 0028).
/// </summary>
internal sealed class ShareCalendarComposer(IMediator mediator, IUserDirectory directory, ModuleCatalog catalog, TimeProvider clock)
{
    /// <summary>How far back a feed reaches (a month of history is what subscribers scroll to).</summary>
    public static readonly TimeSpan Past = TimeSpan.FromDays(31);

    /// <summary>How far ahead a feed reaches (Scheduling answers at most 400 days).</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(365);

    public async Task<string> ComposeAsync(ShareAccess access, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (from, to) = (now - Past, now + Ahead);
        var owners = await OwnersAsync(access, cancellationToken);
        var calendar = new IcsComposition(access.Label, now);
        if (access.Modules.HasFlag(ShareModules.Events) && owners.Count > 0 && catalog.IsEnabled(SchedulingModuleContract.Name))
        {
            foreach (var chunk in owners.Chunk(GetCalendarIcs.MaxOwners))
            {
                calendar.AddCalendarText(await mediator.Send(new GetCalendarIcs(chunk, from, to, EventLevel(access.Level)), cancellationToken));
            }
        }

        if (access.Modules.HasFlag(ShareModules.Bookings) && catalog.IsEnabled(ResourcesModuleContract.Name))
        {
            // A resource's link shows that resource's bookings; every other scope its people's (ADR 0032).
            var bookingSets = access.Scope == ShareScope.Resource && access.ScopeId is { } resource
                ? [await mediator.Send(new GetResourceBookings(resource, from, to), cancellationToken)]
                : new List<IReadOnlyList<CalendarBooking>>();
            foreach (var owner in owners)
            {
                bookingSets.Add(await mediator.Send(new GetCalendarBookings(owner, from, to), cancellationToken));
            }

            foreach (var bookings in bookingSets)
            {
                foreach (var b in bookings)
                {
                    var (title, description) = access.Level switch
                    {
                        ShareDetailLevel.BusyOnly => ("Busy", null),
                        ShareDetailLevel.Titles => ($"{b.ResourceName} booked", null),
                        _ => ($"{b.ResourceName} booked", b.Purpose),
                    };
                    calendar.AddTimed($"{b.BookingId}@oobc-calendar-booking", b.StartUtc, b.EndUtc, title, description);
                }
            }
        }

        if (access.Modules.HasFlag(ShareModules.Leave) && owners.Count > 0 && catalog.IsEnabled(LeaveModuleContract.Name))
        {
            var people = owners.ToHashSet();
            foreach (var l in await mediator.Send(new ListApprovedLeave(from), cancellationToken))
            {
                if (people.Contains(l.PersonId) && l.StartUtc < to)
                {
                    // The type is never named outside: a private type would say too much, and "Out of office" is what colleagues see.
                    var title = access.Level == ShareDetailLevel.BusyOnly ? "Busy" : "Out of office";
                    calendar.AddAllDay($"{l.RequestId}@oobc-calendar-leave", l.FirstDay, l.LastDay.AddDays(1), title);
                }
            }
        }

        if (access.Modules.HasFlag(ShareModules.Holidays) && catalog.IsEnabled(LeaveModuleContract.Name))
        {
            var zone = OfficeTime.Zone(access.TimeZoneId);
            var unit = await HolidayUnitAsync(access, cancellationToken);
            var days = new ListOfficeHolidays(DateOnly.FromDateTime(WallClock.ToLocal(from, zone)), DateOnly.FromDateTime(WallClock.ToLocal(to, zone)), unit);
            foreach (var h in await mediator.Send(days, cancellationToken))
            {
                // Holidays are no secret, but a busy-only link shows times alone, whatever they are.
                var title = access.Level == ShareDetailLevel.BusyOnly ? "Busy" : h.Name;
                calendar.AddAllDay($"{h.Date:yyyyMMdd}-{h.UnitId?.ToString("N") ?? "office"}@oobc-calendar-holiday", h.Date, h.Date.AddDays(1), title);
            }
        }

        return calendar.ToText();
    }

    // A person's and a unit's links include that unit's local holidays; the office's and a resource's the office-wide ones.
    private async Task<Guid?> HolidayUnitAsync(ShareAccess access, CancellationToken cancellationToken) => access.Scope switch
    {
        ShareScope.Unit => access.ScopeId,
        ShareScope.MyCalendar when access.ScopeId is { } user => (await directory.FindAsync(user, cancellationToken))?.OrganisationUnitId,
        _ => null,
    };

    private static IcsDetailLevel EventLevel(ShareDetailLevel level) => level switch
    {
        ShareDetailLevel.Titles => IcsDetailLevel.PublicTitles,
        ShareDetailLevel.Details => IcsDetailLevel.PublicDetails,
        _ => IcsDetailLevel.FreeBusy,
    };

    private async Task<IReadOnlyList<Guid>> OwnersAsync(ShareAccess access, CancellationToken cancellationToken)
    {
        switch (access.Scope)
        {
            case ShareScope.MyCalendar when access.ScopeId is { } user:
                return [user];
            case ShareScope.Unit or ShareScope.Office:
                // The directory has no "members of a unit" query; the office is small (hundreds), so one search serves both.
                var everyone = await directory.SearchAsync(string.Empty, 5000, cancellationToken);
                return everyone.Where(u => access.Scope == ShareScope.Office || u.OrganisationUnitId == access.ScopeId).Select(u => u.Id).ToList();
            default:
                return [];
        }
    }
}
