using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Balances;

/// <summary>
/// The signed-in user's balance per leave type they can request: the ledger's sum, the days in pending requests, and
/// what is available. A type charged to another's credits (mandatory leave) shows those credits' figures.
/// </summary>
internal sealed record GetMyBalances : IQuery<IReadOnlyList<LeaveBalance>>;

/// <summary>One line of the balances card. The figures are null for a type without credits (leave without pay).</summary>
internal sealed record LeaveBalance(
    Guid LeaveTypeId,
    string Code,
    string Name,
    string Colour,
    string? ChargedToCode,
    decimal? Balance,
    decimal Pending,
    decimal? Available);

internal sealed class GetMyBalancesHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser) : IQueryHandler<GetMyBalances, IReadOnlyList<LeaveBalance>>
{
    public async ValueTask<IReadOnlyList<LeaveBalance>> Handle(GetMyBalances query, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("see leave balances");
        return await BalancesOfAsync(contexts, currentUser.Id, cancellationToken);
    }

    /// <summary>The balances of <paramref name="personId"/> (callers check who may see them).</summary>
    public static async Task<IReadOnlyList<LeaveBalance>> BalancesOfAsync(IDbContextFactory<LeaveDbContext> contexts, Guid personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var types = await db.LeaveTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var byCode = types.ToDictionary(t => t.Code);
        var sums = await db.Ledger.Where(e => e.PersonId == personId).GroupBy(e => e.LeaveTypeId)
            .Select(g => new { g.Key, Days = g.Sum(e => e.Days) })
            .ToDictionaryAsync(x => x.Key, x => x.Days, cancellationToken);
        var pending = await db.Requests.Where(r => r.PersonId == personId && r.Status == LeaveRequestStatus.Pending).GroupBy(r => r.LeaveTypeId)
            .Select(g => new { g.Key, Days = g.Sum(r => r.Days) })
            .ToDictionaryAsync(x => x.Key, x => x.Days, cancellationToken);

        // Which ledger each type spends: its own, the type it is charged to, or none.
        Guid? CreditsOf(Domain.LeaveTypes.LeaveType t) =>
            !t.Settings.HasBalance ? null : t.Settings.ChargedToCode is { } code ? byCode.GetValueOrDefault(code)?.Id : t.Id;
        var pendingByCredits = types.Where(t => CreditsOf(t) is not null)
            .GroupBy(t => CreditsOf(t)!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(t => pending.GetValueOrDefault(t.Id)));

        return [.. types.Select(t =>
        {
            if (CreditsOf(t) is not { } credits)
            {
                return new LeaveBalance(t.Id, t.Code, t.Name, t.Settings.Colour, null, null, pending.GetValueOrDefault(t.Id), null);
            }

            var balance = sums.GetValueOrDefault(credits);
            var held = pendingByCredits.GetValueOrDefault(credits);
            return new LeaveBalance(t.Id, t.Code, t.Name, t.Settings.Colour, t.Settings.ChargedToCode, balance, held, balance - held);
        })];
    }
}
