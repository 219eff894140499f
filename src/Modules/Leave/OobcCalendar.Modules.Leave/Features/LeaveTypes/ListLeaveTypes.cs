using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.LeaveTypes;

/// <summary>The leave types in display order: the active ones for the request form, all of them for Admin's editor.</summary>
internal sealed record ListLeaveTypes(bool IncludeInactive = false) : IQuery<IReadOnlyList<LeaveTypeItem>>;

/// <summary>A leave type with every setting.</summary>
internal sealed record LeaveTypeItem(Guid Id, LeaveTypeSettings Settings, bool IsActive, int SortOrder);

internal sealed class ListLeaveTypesHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser) : IQueryHandler<ListLeaveTypes, IReadOnlyList<LeaveTypeItem>>
{
    public async ValueTask<IReadOnlyList<LeaveTypeItem>> Handle(ListLeaveTypes query, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("see leave types");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var types = await db.LeaveTypes.AsNoTracking()
            .Where(t => query.IncludeInactive || t.IsActive)
            .OrderBy(t => t.SortOrder)
            .ToListAsync(cancellationToken);
        return [.. types.Select(t => new LeaveTypeItem(t.Id, t.Settings, t.IsActive, t.SortOrder))];
    }
}
