using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>
/// What the request form shows live before saving: the working days a request costs, the balance before and after, the
/// holidays it skips and every rule it breaks (the same checks <see cref="SubmitLeaveRequest"/> refuses with). Collisions
/// with the person's events and bookings belong to the other modules' queries, composed by the page.
/// </summary>
internal sealed record PreviewLeaveRequest(Guid LeaveTypeId, DateOnly FirstDay, DateOnly LastDay, DayPart FirstDayPart, DayPart LastDayPart, bool HasDocument)
    : IQuery<LeavePreview>
{
    public LeaveDraft Draft => new(LeaveTypeId, FirstDay, LastDay, FirstDayPart, LastDayPart);
}

/// <summary>The live figures of a draft request. Balances are null for a type without credits.</summary>
internal sealed record LeavePreview(
    decimal Days,
    decimal? Balance,
    decimal Pending,
    decimal? BalanceAfter,
    bool NeedsDocument,
    bool NeedsSecondApproval,
    IReadOnlyList<string> HolidaysSkipped,
    IReadOnlyList<LeaveProblem> Problems,
    IReadOnlyList<LeaveOverlap> Overlaps);

/// <summary>One of the person's own pending or approved requests on some of the same days.</summary>
internal sealed record LeaveOverlap(Guid RequestId, string LeaveTypeName, DateOnly FirstDay, DateOnly LastDay, string Status);

internal sealed class PreviewLeaveRequestValidator : AbstractValidator<PreviewLeaveRequest>
{
    public PreviewLeaveRequestValidator() => LeaveDraftRules.Apply(this, r => r.Draft);
}

internal sealed class PreviewLeaveRequestHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser, IUserDirectory directory, TimeProvider clock)
    : IQueryHandler<PreviewLeaveRequest, LeavePreview>
{
    public async ValueTask<LeavePreview> Handle(PreviewLeaveRequest query, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("file leave");
        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        var unit = await LeaveContext.UnitOfAsync(directory, currentUser.Id, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var a = await LeaveAssessment.OfAsync(db, currentUser.Id, unit, query.Draft, query.HasDocument, today, null, cancellationToken);
        var holidays = new List<string>();
        for (var day = a.Period.First; day <= a.Period.Last; day = day.AddDays(1))
        {
            if (a.Calendar.HolidayOn(day) is { } holiday && !Domain.Holidays.HolidayCalendar.IsWeekend(day))
            {
                holidays.Add($"{holiday.Name} ({day.ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture)})");
            }
        }

        var period = a.Period;
        var overlaps = await db.Requests.AsNoTracking()
            .Where(r => r.PersonId == currentUser.Id && (r.Status == LeaveRequestStatus.Pending || r.Status == LeaveRequestStatus.Approved)
                && r.HeldFrom < period.HeldUntil && period.HeldFrom < r.HeldUntil)
            .Join(db.LeaveTypes, r => r.LeaveTypeId, t => t.Id, (r, t) => new { r.Id, t.Settings.Name, r.FirstDay, r.LastDay, r.Status })
            .ToListAsync(cancellationToken);
        return new LeavePreview(
            a.Days, a.Balance, a.Pending, a.BalanceAfter, a.Type.Type.NeedsDocument(a.Days), a.Type.Type.NeedsSecondApproval(a.Days), holidays, a.Problems,
            [.. overlaps.Select(o => new LeaveOverlap(o.Id, o.Name, o.FirstDay, o.LastDay, o.Status.ToString()))]);
    }
}
