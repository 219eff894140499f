using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Ics;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>One event, or a whole series with its changed and deleted occurrences, as an .ics file the signed-in user may read.</summary>
internal sealed record ExportEventIcs(Guid EventId) : IQuery<IcsFile>;

internal sealed class ExportEventIcsHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    TimeProvider clock) : IQueryHandler<ExportEventIcs, IcsFile>
{
    public async ValueTask<IcsFile> Handle(ExportEventIcs query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.EventId, cancellationToken);
        // Someone else's private event is answered exactly like a missing one: its existence is private too.
        if (e is null || (e.Visibility == EventVisibility.Private && !EventAccess.CanSeeDetails(e, currentUser)))
        {
            throw new NotFoundException("That event does not exist, or you may not see it.");
        }

        var items = await IcsExportItems.ForAsync(db, [e], currentUser, cancellationToken);
        var people = await IcsExportItems.PeopleAsync(directory, items, cancellationToken);
        var content = IcsWriter.Write(items, people, clock.GetUtcNow(), null);
        var name = items[0].DetailsHidden ? "busy" : IcsFile.Slug(e.Title, "event");
        return new IcsFile($"{name}.ics", content);
    }
}

/// <summary>What a reader may see of events going into a file, and the people named in them.</summary>
internal static class IcsExportItems
{
    public static async Task<IReadOnlyList<IcsExportItem>> ForAsync(
        SchedulingDbContext db, IReadOnlyList<CalendarEvent> events, ICurrentUser reader, CancellationToken cancellationToken)
    {
        var categoryIds = events.Where(e => e.CategoryId is not null).Select(e => e.CategoryId!.Value).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return events
            .Select(e => new IcsExportItem(e, !EventAccess.CanSeeDetails(e, reader), e.CategoryId is { } id ? categories.GetValueOrDefault(id) : null))
            .ToList();
    }

    public static async Task<IReadOnlyDictionary<Guid, DirectoryUser>> PeopleAsync(IUserDirectory directory, IReadOnlyList<IcsExportItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Where(i => !i.DetailsHidden).SelectMany(i => i.Event.MemberIds).Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<Guid, DirectoryUser>() : (await directory.GetManyAsync(ids, cancellationToken)).ToDictionary(u => u.Id);
    }
}
