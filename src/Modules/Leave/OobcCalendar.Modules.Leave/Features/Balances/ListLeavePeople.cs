using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Features.Jobs;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Balances;

/// <summary>
/// Admin's list of the people who earn leave, by name, with their unit and the day their credits start: what the
/// balance adjustment and start date forms choose from, and the units a local holiday may be for.
/// </summary>
internal sealed record ListLeavePeople : IQuery<IReadOnlyList<LeavePerson>>;

/// <summary>One person who earns leave; <paramref name="StartedOn"/> null when in service all along.</summary>
internal sealed record LeavePerson(Guid Id, string Name, Guid? UnitId, string? UnitName, DateOnly? StartedOn);

internal sealed class ListLeavePeopleHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser, IUserDirectory directory)
    : IQueryHandler<ListLeavePeople, IReadOnlyList<LeavePerson>>
{
    public async ValueTask<IReadOnlyList<LeavePerson>> Handle(ListLeavePeople query, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "manage leave");
        var people = await directory.GetManyAsync(await LeavePeople.EarnersAsync(directory, cancellationToken), cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var starts = await db.Profiles.AsNoTracking().ToDictionaryAsync(p => p.PersonId, p => p.StartedOn, cancellationToken);
        return [.. people
            .OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Select(p => new LeavePerson(p.Id, p.DisplayName, p.OrganisationUnitId, p.OrganisationUnitName, starts.GetValueOrDefault(p.Id)))];
    }
}
