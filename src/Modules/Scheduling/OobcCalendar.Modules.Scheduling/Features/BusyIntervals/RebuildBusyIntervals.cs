using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.BusyIntervals;

/// <summary>
/// Throws the busy read model away and fills it again from Resources' approved bookings still ahead, e.g. after a bug
/// in the consumer or a restore of one schema. Returns how many intervals it wrote. Needs the Resources module on.
/// </summary>
internal sealed record RebuildBusyIntervals : ICommand<int>;

internal sealed class RebuildBusyIntervalsHandler(IDbContextFactory<SchedulingDbContext> contexts, ISender sender, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RebuildBusyIntervals, int>
{
    public async ValueTask<int> Handle(RebuildBusyIntervals command, CancellationToken cancellationToken)
    {
        user.EnsureInRole(Roles.Admin, "rebuild the busy intervals");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Locked before reading Resources: an event committed after the read waits for this commit, then applies on top.
        await BusyIntervals.LockAsync(db, cancellationToken);
        var bookings = await sender.Send(new ListApprovedBookings(clock.GetUtcNow()), cancellationToken);
        await db.ExternalBusy.Where(b => b.SourceModule == ResourcesModuleContract.Name).ExecuteDeleteAsync(cancellationToken);
        foreach (var booking in bookings)
        {
            await BusyIntervals.HoldAsync(db, booking, cancellationToken);
        }

        var written = db.ChangeTracker.Entries<ExternalBusyInterval>().Count();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
