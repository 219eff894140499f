using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Balances;

/// <summary>
/// The entries behind a balance, oldest first, with the running balance: the signed-in user's own, or anyone's for
/// Admin (<paramref name="PersonId"/>). Optionally one type and one leave year.
/// </summary>
internal sealed record GetLedger(Guid? PersonId = null, Guid? LeaveTypeId = null, int? Year = null) : IQuery<IReadOnlyList<LedgerLineView>>;

/// <summary>One ledger line as a person reads it.</summary>
internal sealed record LedgerLineView(
    Guid EntryId,
    Guid LeaveTypeId,
    string LeaveTypeName,
    int Year,
    string Kind,
    decimal Days,
    decimal RunningBalance,
    DateOnly EffectiveOn,
    string? Reason,
    Guid? RequestId,
    Guid? RecordedBy,
    DateTimeOffset RecordedAt);

internal sealed class GetLedgerHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser) : IQueryHandler<GetLedger, IReadOnlyList<LedgerLineView>>
{
    public async ValueTask<IReadOnlyList<LedgerLineView>> Handle(GetLedger query, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("see leave balances");
        var personId = query.PersonId ?? currentUser.Id;
        if (personId != currentUser.Id && !currentUser.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("Only Admin users can see someone else's leave ledger.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Ledger.AsNoTracking()
            .Where(e => e.PersonId == personId && (query.LeaveTypeId == null || e.LeaveTypeId == query.LeaveTypeId))
            .Join(db.LeaveTypes, e => e.LeaveTypeId, t => t.Id, (e, t) => new { Entry = e, t.Settings.Name })
            .OrderBy(x => x.Entry.EffectiveOn).ThenBy(x => x.Entry.RecordedAt).ThenBy(x => x.Entry.Id)
            .ToListAsync(cancellationToken);

        // The running balance runs per type over every year, so a year's first line shows what it opened with.
        var running = new Dictionary<Guid, decimal>();
        var lines = new List<LedgerLineView>();
        foreach (var row in rows)
        {
            var e = row.Entry;
            running[e.LeaveTypeId] = running.GetValueOrDefault(e.LeaveTypeId) + e.Days;
            if (query.Year is null || e.Year == query.Year)
            {
                lines.Add(new LedgerLineView(e.Id, e.LeaveTypeId, row.Name, e.Year, e.Kind.ToString(), e.Days, running[e.LeaveTypeId], e.EffectiveOn, e.Reason, e.RequestId, e.RecordedBy, e.RecordedAt));
            }
        }

        return lines;
    }
}
