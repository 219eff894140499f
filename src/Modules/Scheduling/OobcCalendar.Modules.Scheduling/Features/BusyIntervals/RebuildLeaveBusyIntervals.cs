using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.BusyIntervals;

/// <summary>
/// Throws away the leave part of the busy read model and fills it again from Leave's approved leave still ahead
/// (<see cref="ListApprovedLeave"/>). Returns how many intervals it wrote. Needs the Leave module on; a separate command
/// from <see cref="RebuildBusyIntervals"/> so either source can be replayed while the other module is off.
/// </summary>
internal sealed record RebuildLeaveBusyIntervals : ICommand<int>;

internal sealed class RebuildLeaveBusyIntervalsHandler(IDbContextFactory<SchedulingDbContext> contexts, ISender sender, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RebuildLeaveBusyIntervals, int>
{
    public async ValueTask<int> Handle(RebuildLeaveBusyIntervals command, CancellationToken cancellationToken)
    {
        user.EnsureInRole(Roles.Admin, "rebuild the busy intervals");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Locked before reading Leave: an event committed after the read waits for this commit, then applies on top.
        await BusyIntervals.LockAsync(db, cancellationToken);
        var leave = await sender.Send(new ListApprovedLeave(clock.GetUtcNow()), cancellationToken);
        await db.ExternalBusy.Where(b => b.SourceModule == LeaveModuleContract.Name).ExecuteDeleteAsync(cancellationToken);
        foreach (var item in leave)
        {
            await LeaveBusy.HoldAsync(db, item, cancellationToken);
        }

        var written = db.ChangeTracker.Entries<ExternalBusyInterval>().Count();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
