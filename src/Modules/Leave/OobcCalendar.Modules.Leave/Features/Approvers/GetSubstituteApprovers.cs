using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Approvers;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Approvers;

/// <summary>
/// What the "Substitute approver" card shows for a manager (the signed-in user, or any person for Admin): how many people
/// report to them, their current and upcoming delegations, whom they may choose, and whom the signed-in user stands in for.
/// </summary>
internal sealed record GetSubstituteApprovers(Guid? ManagerId = null) : IQuery<SubstituteApprovers>;

/// <summary>The card's content. <paramref name="StandingInFor"/> is filled only for the signed-in user's own card.</summary>
internal sealed record SubstituteApprovers(
    Guid ManagerId,
    string ManagerName,
    int PeopleCount,
    IReadOnlyList<DelegationView> Delegations,
    IReadOnlyList<DelegationView> StandingInFor,
    IReadOnlyList<ApproverChoice> Candidates);

/// <summary>One live delegation (not ended, not over). <paramref name="IsCurrent"/>: it covers today.</summary>
internal sealed record DelegationView(Guid Id, Guid ManagerId, string ManagerName, Guid SubstituteId, string SubstituteName, DateOnly From, DateOnly To, bool IsCurrent);

/// <summary>Someone who may be named approver: an active Manager or Admin.</summary>
internal sealed record ApproverChoice(Guid Id, string Name);

internal sealed class GetSubstituteApproversHandler(
    IDbContextFactory<LeaveDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    TimeProvider clock) : IQueryHandler<GetSubstituteApprovers, SubstituteApprovers>
{
    public async ValueTask<SubstituteApprovers> Handle(GetSubstituteApprovers query, CancellationToken cancellationToken)
    {
        var managerId = query.ManagerId ?? currentUser.Id;
        ApprovalDelegations.EnsureMayManage(currentUser, managerId);
        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        var people = await OfficePeopleAsync(directory, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var live = await db.Delegations.AsNoTracking()
            .Where(d => d.EndedAt == null && d.ToDay >= today && (d.ManagerId == managerId || d.SubstituteId == currentUser.Id))
            .OrderBy(d => d.FromDay)
            .ToListAsync(cancellationToken);
        var names = (await directory.GetManyAsync([.. live.SelectMany(d => new[] { d.ManagerId, d.SubstituteId }).Append(managerId).Distinct()], cancellationToken))
            .ToDictionary(u => u.Id, u => u.DisplayName);
        DelegationView View(ApprovalDelegation d) => new(
            d.Id, d.ManagerId, names.GetValueOrDefault(d.ManagerId, "A former colleague"), d.SubstituteId, names.GetValueOrDefault(d.SubstituteId, "A former colleague"),
            d.FromDay, d.ToDay, d.Covers(today));
        return new SubstituteApprovers(
            managerId,
            names.GetValueOrDefault(managerId, "A former colleague"),
            people.Count(p => p.ManagerId == managerId),
            [.. live.Where(d => d.ManagerId == managerId).Select(View)],
            query.ManagerId is null ? [.. live.Where(d => d.SubstituteId == currentUser.Id).Select(View)] : [],
            [.. people.Where(p => p.Id != managerId && LeaveApprovers.IsApproverAccount(p)).OrderBy(p => p.DisplayName).Select(p => new ApproverChoice(p.Id, p.DisplayName))]);
    }

    /// <summary>Active office members (check-in desk accounts are not people), once each.</summary>
    public static async Task<IReadOnlyList<DirectoryUser>> OfficePeopleAsync(IUserDirectory directory, CancellationToken cancellationToken)
    {
        var people = new Dictionary<Guid, DirectoryUser>();
        foreach (var role in Roles.OfficeMemberRoles)
        {
            foreach (var user in await directory.InRoleAsync(role, cancellationToken))
            {
                if (user.IsActive)
                {
                    people.TryAdd(user.Id, user);
                }
            }
        }

        return [.. people.Values];
    }
}
