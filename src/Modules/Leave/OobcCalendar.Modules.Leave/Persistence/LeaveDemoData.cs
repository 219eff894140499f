using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OobcCalendar.Modules.Leave.Domain.Ledger;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.Jobs;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Persistence;

/// <summary>
/// Demo leave (<see cref="LeaveDemoPlan"/>): opening credits for everyone who earns leave, then requests filed and decided
/// through the domain as the real handlers do: each assessed by <see cref="LeaveAssessment"/> as of the day it was filed
/// (notice, balance, half days), saved under the person's lock so the exclusion constraint judges it, decided by the
/// person's approver, its days booked in the ledger and its integration events in the outbox, so Scheduling's busy
/// model and the calendar see the same leave. A request the rules refuse is left out and logged, never forced in.
/// Idempotent: credits by ledger key, requests only into a module that has none.
/// </summary>
internal sealed class LeaveDemoData(
    IDbContextFactory<LeaveDbContext> contexts,
    LeaveReferenceData referenceData,
    LeaveApprovers approvers,
    IUserDirectory directory,
    TimeProvider clock,
    ILogger<LeaveDemoData> logger) : IDemoDataSeeder
{
    /// <summary>Ledger key of a demo opening credit (unique per person and type).</summary>
    public const string OpeningKey = "demo-opening";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Types and holidays first: the hosted reference-data seeder only runs once the host starts.
        await referenceData.SeedAsync(referenceData.CurrentAndNextYear(), cancellationToken);
        var people = (await directory.GetManyAsync(await LeavePeople.EarnersAsync(directory, cancellationToken), cancellationToken))
            .OrderBy(p => p.Email, StringComparer.Ordinal).ToList();
        await SeedOpeningCreditsAsync(people, cancellationToken);
        await SeedRequestsAsync(people, cancellationToken);
    }

    private async Task SeedOpeningCreditsAsync(IReadOnlyList<DirectoryUser> people, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var types = await db.LeaveTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, cancellationToken);
        var done = (await db.Ledger.Where(e => e.Key == OpeningKey).Select(e => new { e.PersonId, e.LeaveTypeId }).ToListAsync(cancellationToken))
            .Select(e => (e.PersonId, e.LeaveTypeId)).ToHashSet();
        var year = await LeaveContext.OpenYearAsync(db, today.Year, cancellationToken);
        for (var i = 0; i < people.Count; i++)
        {
            foreach (var (code, days) in LeaveDemoPlan.OpeningCredits(i))
            {
                if (types.GetValueOrDefault(code) is not { SpendsOwnCredits: true } type || done.Contains((people[i].Id, type.Id)))
                {
                    continue;
                }

                db.Ledger.Add(LedgerEntry.Create(
                    new LedgerLine(people[i].Id, type.Id, year, LedgerEntryKind.Adjustment, days, new DateOnly(year, 1, 1), OpeningKey, null, "Opening balance from the paper leave cards."),
                    now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedRequestsAsync(IReadOnlyList<DirectoryUser> people, CancellationToken cancellationToken)
    {
        await using (var check = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await check.Requests.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var zone = OfficeTime.Zone(OfficeTime.DefaultTimeZoneId);
        var now = clock.GetUtcNow();
        var today = WallClock.ToLocalDate(now, zone);
        IReadOnlyList<LeaveDemoRequest> plan;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // Office-wide holidays: the demo units have none of their own.
            plan = LeaveDemoPlan.Requests(today, await LeaveContext.CalendarAsync(db, null, today.AddDays(-60), today.AddDays(90), cancellationToken));
        }

        var admins = (await directory.InRoleAsync(Roles.Admin, cancellationToken)).Select(a => a.Id).ToHashSet();
        foreach (var item in plan.OrderBy(p => p.FiledOn))
        {
            if (people.FirstOrDefault(p => p.Email == item.Person) is not { } person)
            {
                continue;
            }

            // Filed at nine on a past day; today's early in the morning, before the approver saw it.
            var filedAt = item.FiledOn < today ? WallClock.ToInstant(item.FiledOn.ToDateTime(new TimeOnly(9, 0)), zone) : now - TimeSpan.FromHours(2);
            var decidedAt = item.FiledOn < today ? filedAt + TimeSpan.FromHours(26) : now - TimeSpan.FromHours(1);
            if (decidedAt > now)
            {
                decidedAt = now;
            }

            await SeedOneAsync(person, item, filedAt, decidedAt, admins, cancellationToken);
        }
    }

    private async Task SeedOneAsync(DirectoryUser person, LeaveDemoRequest item, DateTimeOffset filedAt, DateTimeOffset decidedAt, IReadOnlySet<Guid> admins, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var typeId = await db.LeaveTypes.Where(t => t.Settings.Code == item.Type).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (typeId is null)
        {
            return;
        }

        var approverIds = await approvers.ForAsync(db, person.Id, item.FiledOn, cancellationToken);
        await using var transaction = await PersonLocks.BeginAsync(db, person.Id, cancellationToken);
        var draft = new LeaveDraft(typeId.Value, item.First, item.Last, DayPart.Full, DayPart.Full);
        var assessment = await LeaveAssessment.OfAsync(db, person.Id, person.OrganisationUnitId, draft, hasDocument: false, item.FiledOn, null, cancellationToken);
        if (assessment.Problems.Count > 0)
        {
            logger.LogWarning("Demo leave of {Person} {First}–{Last} left out: {Problems}", item.Person, item.First, item.Last, string.Join(" ", assessment.Problems.Select(p => p.Message)));
            return;
        }

        var type = assessment.Type.Type;
        var request = LeaveRequest.Submit(Guid.CreateVersion7(), new LeaveApplication(person.Id, type.Id, assessment.Period, assessment.Days, item.Reason, null, type.NeedsSecondApproval(assessment.Days)), filedAt);
        db.Requests.Add(request);
        LeaveNotices.Requested(db, request, type, approverIds, filedAt);
        var approver = approverIds.Where(id => id != person.Id).Select(id => (Guid?)id).FirstOrDefault();
        if (item.Outcome != LeaveDemoOutcome.Pending && approver is { } decider)
        {
            if (item.Outcome == LeaveDemoOutcome.Rejected)
            {
                request.Reject(decider, item.DecisionReason ?? "Not possible then.", decidedAt);
                LeaveNotices.Rejected(db, request, type, decidedAt);
            }
            else if (request.Approve(decider, admins.Contains(decider), isHrApprover: false, decidedAt))
            {
                if (assessment.Type.Credits is { } credits)
                {
                    await LedgerBooking.TakenAsync(db, request, credits.Id, assessment.Calendar, decidedAt, cancellationToken);
                }

                LeaveNotices.Approved(db, request, type, decidedAt);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
