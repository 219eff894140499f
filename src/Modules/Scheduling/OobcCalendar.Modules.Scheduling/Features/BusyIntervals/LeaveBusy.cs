using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.BusyIntervals;

/// <summary>
/// Writes Leave's facts into the busy read model (docs/adr/0024): approved leave keeps the person busy over its
/// instants; a cancellation frees them (from the freed day when leave was cut short). Callers hold
/// <see cref="BusyIntervals.LockAsync"/>. The label never names the type: sick leave is private.
/// </summary>
internal static class LeaveBusy
{
    /// <summary>What the busy warning and the away flags say.</summary>
    public const string Label = "On leave";

    private const string Source = LeaveModuleContract.Name;

    public static async Task HoldAsync(SchedulingDbContext db, ApprovedLeave leave, CancellationToken cancellationToken)
    {
        if (await db.ReleasedBusySources.AnyAsync(r => r.SourceModule == Source && r.SourceId == leave.RequestId, cancellationToken))
        {
            return;
        }

        await db.ExternalBusy.Where(b => b.SourceModule == Source && b.SourceId == leave.RequestId).ExecuteDeleteAsync(cancellationToken);
        db.ExternalBusy.Add(new ExternalBusyInterval
        {
            SourceModule = Source,
            SourceId = leave.RequestId,
            PersonId = leave.PersonId,
            StartUtc = leave.StartUtc.ToUniversalTime(),
            EndUtc = leave.EndUtc.ToUniversalTime(),
            Label = Label,
        });
    }

    /// <summary>
    /// Cancelled before it started: released for good (a late approval cannot bring it back). Cut short after it started:
    /// the days before <paramref name="freedFrom"/> stay, as they were taken.
    /// </summary>
    public static async Task ReleaseAsync(SchedulingDbContext db, Guid requestId, DateOnly firstDay, DateOnly freedFrom, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (freedFrom > firstDay)
        {
            var until = WallClock.AtMidnight(freedFrom, OfficeTime.Zone(OfficeTime.DefaultTimeZoneId)).ToUniversalTime();
            await db.ExternalBusy.Where(b => b.SourceModule == Source && b.SourceId == requestId && b.EndUtc > until)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.EndUtc, until), cancellationToken);
            return;
        }

        await db.ExternalBusy.Where(b => b.SourceModule == Source && b.SourceId == requestId).ExecuteDeleteAsync(cancellationToken);
        if (!await db.ReleasedBusySources.AnyAsync(r => r.SourceModule == Source && r.SourceId == requestId, cancellationToken))
        {
            db.ReleasedBusySources.Add(new ReleasedBusySource { SourceModule = Source, SourceId = requestId, ReleasedAt = at });
        }
    }
}
