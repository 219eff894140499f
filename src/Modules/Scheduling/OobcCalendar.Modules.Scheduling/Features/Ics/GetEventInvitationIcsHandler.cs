using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>Answers <see cref="GetEventInvitationIcs"/> with the export's writer, the event's full details and people.</summary>
internal sealed class GetEventInvitationIcsHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    IUserDirectory directory,
    TimeProvider clock) : IQueryHandler<GetEventInvitationIcs, string?>
{
    public async ValueTask<string?> Handle(GetEventInvitationIcs query, CancellationToken cancellationToken)
    {
        if (query.Method is not (GetEventInvitationIcs.Request or GetEventInvitationIcs.Cancel))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["method"] = ["Method is REQUEST or CANCEL."] });
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.EventId, cancellationToken);
        if (e is null)
        {
            return null;
        }

        var category = e.CategoryId is { } id ? await db.Categories.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) : null;
        IReadOnlyList<IcsExportItem> items = [new IcsExportItem(e, DetailsHidden: false, category)];
        var people = await IcsExportItems.PeopleAsync(directory, items, cancellationToken);
        return Encoding.UTF8.GetString(IcsWriter.Write(items, people, clock.GetUtcNow(), calendarName: null, method: query.Method));
    }
}
