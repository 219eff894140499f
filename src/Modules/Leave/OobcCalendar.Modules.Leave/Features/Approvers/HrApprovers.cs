using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Approvers;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Approvers;

/// <summary>Admin's list of HR approvers (the second level alongside Admin, ADR 0026) and whom Admin may add.</summary>
internal sealed record ListHrApprovers : IQuery<HrApproverList>;

/// <summary>The named HR approvers and the candidates not yet named.</summary>
internal sealed record HrApproverList(IReadOnlyList<HrApproverView> Approvers, IReadOnlyList<ApproverChoice> Candidates);

/// <summary>One HR approver. <paramref name="CanAct"/> is false while they are inactive or hold no approver role.</summary>
internal sealed record HrApproverView(Guid PersonId, string Name, bool CanAct, DateTimeOffset AddedAt);

internal sealed class ListHrApproversHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser, IUserDirectory directory) : IQueryHandler<ListHrApprovers, HrApproverList>
{
    public async ValueTask<HrApproverList> Handle(ListHrApprovers query, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "manage HR approvers");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.HrApprovers.AsNoTracking().OrderBy(h => h.AddedAt).ToListAsync(cancellationToken);
        var users = (await directory.GetManyAsync([.. rows.Select(r => r.PersonId)], cancellationToken)).ToDictionary(u => u.Id);
        var named = rows.Select(r => r.PersonId).ToHashSet();
        var people = await GetSubstituteApproversHandler.OfficePeopleAsync(directory, cancellationToken);
        return new HrApproverList(
            [.. rows.Select(r => new HrApproverView(r.PersonId, users.GetValueOrDefault(r.PersonId)?.DisplayName ?? "A former colleague", LeaveApprovers.IsApproverAccount(users.GetValueOrDefault(r.PersonId)), r.AddedAt))],
            [.. people.Where(p => !named.Contains(p.Id) && LeaveApprovers.IsApproverAccount(p)).OrderBy(p => p.DisplayName).Select(p => new ApproverChoice(p.Id, p.DisplayName))]);
    }
}

/// <summary>Admin names an HR approver: an active Manager or Admin.</summary>
internal sealed record AddHrApprover(Guid PersonId) : ICommand;

internal sealed class AddHrApproverHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser, IUserDirectory directory, TimeProvider clock) : ICommandHandler<AddHrApprover>
{
    public async ValueTask<Unit> Handle(AddHrApprover command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "manage HR approvers");
        if (!LeaveApprovers.IsApproverAccount(await directory.FindAsync(command.PersonId, cancellationToken)))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["PersonId"] = ["Choose an active Manager or Admin: only they reach the Approvals page."] });
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.HrApprovers.AnyAsync(h => h.PersonId == command.PersonId, cancellationToken))
        {
            return Unit.Value; // already named: asking twice changes nothing
        }

        db.HrApprovers.Add(HrApprover.Name(command.PersonId, currentUser.Id, clock.GetUtcNow()));
        LeaveNotices.ApproversChanged(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Shared.Persistence.PostgresErrors.IsUniqueViolation(ex))
        {
            // Named at the same moment by another Admin: the outcome is the same.
        }

        return Unit.Value;
    }
}

/// <summary>Admin removes an HR approver; the requests they approved at the first level keep that record.</summary>
internal sealed record RemoveHrApprover(Guid PersonId) : ICommand;

internal sealed class RemoveHrApproverHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser) : ICommandHandler<RemoveHrApprover>
{
    public async ValueTask<Unit> Handle(RemoveHrApprover command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "manage HR approvers");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.HrApprovers.FirstOrDefaultAsync(h => h.PersonId == command.PersonId, cancellationToken);
        if (row is not null)
        {
            db.HrApprovers.Remove(row);
            LeaveNotices.ApproversChanged(db);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
