using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Jobs;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>
/// Who is out on approved leave between <paramref name="From"/> and <paramref name="To"/> (inclusive days): for Staff
/// their unit, for a manager their unit and their people, for Admin everyone. A private type (sick leave) shows as
/// "Out of office" except to the person, their manager and Admin. The "Who's out" page and the leave calendar feed
/// read it for today, this week and this month.
/// </summary>
internal sealed record GetWhosOut(DateOnly From, DateOnly To) : IQuery<IReadOnlyList<PersonOut>>;

/// <summary>One approved absence as the viewer may see it; <paramref name="LeaveTypeName"/> is null when the type is private to them.</summary>
internal sealed record PersonOut(
    Guid RequestId,
    Guid PersonId,
    string PersonName,
    string? UnitName,
    DateOnly FirstDay,
    DateOnly LastDay,
    string FirstDayPart,
    string LastDayPart,
    string Label,
    string? LeaveTypeName,
    string Colour);

internal sealed class GetWhosOutHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser, IUserDirectory directory)
    : IQueryHandler<GetWhosOut, IReadOnlyList<PersonOut>>
{
    /// <summary>What colleagues see of a private type.</summary>
    public const string OutOfOffice = "Out of office";

    /// <summary>Longest window asked at once (a month view with its spill-over weeks fits).</summary>
    public const int MaxDays = 62;

    public async ValueTask<IReadOnlyList<PersonOut>> Handle(GetWhosOut query, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("see who is out");
        if (query.To < query.From || query.To.DayNumber - query.From.DayNumber >= MaxDays)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["To"] = [$"Choose a window of 1 to {MaxDays} days."] });
        }

        // The window's approved leave first, then one directory call for just those people (and the viewer): the
        // directory is read for the few who are out, not the whole office three roles at a time. Who may be seen is
        // decided here, on the people found; former colleagues and check-in desk accounts are not shown, as before.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await db.Requests.AsNoTracking()
            .Where(r => r.Status == LeaveRequestStatus.Approved && r.FirstDay <= query.To && r.LastDay >= query.From)
            .OrderBy(r => r.FirstDay).ThenBy(r => r.PersonId)
            .Join(db.LeaveTypes, r => r.LeaveTypeId, t => t.Id, (r, t) => new { Request = r, t.Settings.Name, t.Settings.IsPrivate, t.Settings.Colour })
            .ToListAsync(cancellationToken);
        var people = (await directory.GetManyAsync([.. all.Select(x => x.Request.PersonId).Append(currentUser.Id).Distinct()], cancellationToken))
            .ToDictionary(u => u.Id);
        var myUnit = people.GetValueOrDefault(currentUser.Id)?.OrganisationUnitId;
        var isAdmin = currentUser.IsInRole(Roles.Admin);
        bool Visible(DirectoryUser u) =>
            LeavePeople.Earns(u) && (isAdmin || u.Id == currentUser.Id || u.ManagerId == currentUser.Id || (myUnit is { } unit && u.OrganisationUnitId == unit));
        return [.. all.Where(x => people.GetValueOrDefault(x.Request.PersonId) is { } person && Visible(person)).Select(x =>
        {
            var r = x.Request;
            var person = people[r.PersonId];
            var seesType = !x.IsPrivate || isAdmin || r.PersonId == currentUser.Id || person.ManagerId == currentUser.Id;
            return new PersonOut(
                r.Id, r.PersonId, person.DisplayName, person.OrganisationUnitName, r.FirstDay, r.LastDay,
                r.FirstDayPart.ToString(), r.LastDayPart.ToString(), seesType ? x.Name : OutOfOffice, seesType ? x.Name : null, x.Colour);
        })];
    }
}
