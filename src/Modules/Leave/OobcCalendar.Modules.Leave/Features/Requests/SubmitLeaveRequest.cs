using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>A supporting document as uploaded.</summary>
internal sealed record LeaveDocumentUpload(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The signed-in user files leave: pending with their approver, or refused with every rule it breaks (notice, balance,
/// document, half days) or with the request it overlaps.
/// </summary>
internal sealed record SubmitLeaveRequest(
    Guid LeaveTypeId,
    DateOnly FirstDay,
    DateOnly LastDay,
    DayPart FirstDayPart,
    DayPart LastDayPart,
    string Reason,
    Guid? CoveringPersonId = null,
    LeaveDocumentUpload? Document = null) : ICommand<LeaveRequestReceipt>
{
    public LeaveDraft Draft => new(LeaveTypeId, FirstDay, LastDay, FirstDayPart, LastDayPart);
}

/// <summary>What became of a request: its id, the days it costs and who decides it.</summary>
internal sealed record LeaveRequestReceipt(Guid RequestId, decimal Days, string Status, IReadOnlyList<Guid> ApproverIds);

internal sealed class SubmitLeaveRequestValidator : AbstractValidator<SubmitLeaveRequest>
{
    public SubmitLeaveRequestValidator(DocumentLimits limits)
    {
        LeaveDraftRules.Apply(this, r => r.Draft);
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Give a reason for the leave.").MaximumLength(1000).WithMessage("Keep the reason under 1000 characters.");
        RuleFor(r => r.Document)
            .Must(d => LeaveDocument.Problem(d!.FileName, d.ContentType, d.Content, limits) is null)
            .WithMessage(r => LeaveDocument.Problem(r.Document!.FileName, r.Document.ContentType, r.Document.Content, limits))
            .When(r => r.Document is not null);
    }
}

internal sealed class SubmitLeaveRequestHandler(
    IDbContextFactory<LeaveDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    LeaveApprovers approvers,
    DocumentLimits limits,
    TimeProvider clock) : ICommandHandler<SubmitLeaveRequest, LeaveRequestReceipt>
{
    public async ValueTask<LeaveRequestReceipt> Handle(SubmitLeaveRequest command, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("file leave");
        if (command.CoveringPersonId == currentUser.Id)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["CoveringPersonId"] = ["Choose someone else to cover for you."] });
        }

        if (command.CoveringPersonId is { } covering && await directory.FindAsync(covering, cancellationToken) is not { IsActive: true })
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["CoveringPersonId"] = ["Choose an active colleague to cover for you."] });
        }

        // Racing inserts checked by one exclusion constraint can deadlock each other; PostgreSQL aborts one, which
        // retries and then meets the constraint like any other loser.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySubmitAsync(command, cancellationToken);
            }
            catch (Exception ex) when (attempt < 5 && PostgresErrors.IsDeadlock(ex))
            {
            }
        }
    }

    private async Task<LeaveRequestReceipt> TrySubmitAsync(SubmitLeaveRequest command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        var personId = currentUser.Id;
        var unit = await LeaveContext.UnitOfAsync(directory, personId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var approverIds = await approvers.ForAsync(db, personId, today, cancellationToken);
        try
        {
            // The balance and pending days are read under the person's lock, so they still hold at commit.
            await using var transaction = await PersonLocks.BeginAsync(db, personId, cancellationToken);
            var assessment = await LeaveAssessment.OfAsync(db, personId, unit, command.Draft, command.Document is not null, today, null, cancellationToken);
            if (assessment.Problems.Count > 0)
            {
                throw new InputValidationException(assessment.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
            }

            var type = assessment.Type.Type;
            var application = new LeaveApplication(personId, type.Id, assessment.Period, assessment.Days, command.Reason, command.CoveringPersonId, type.NeedsSecondApproval(assessment.Days));
            var request = LeaveRequest.Submit(Guid.CreateVersion7(), application, now);
            db.Requests.Add(request);
            if (command.Document is { } document)
            {
                db.Documents.Add(LeaveDocument.Create(request.Id, document.FileName, document.ContentType, document.Content, limits, now));
            }

            LeaveNotices.Requested(db, request, type, approverIds, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new LeaveRequestReceipt(request.Id, request.Days, request.Status.ToString(), approverIds);
        }
        catch (Exception ex) when (PostgresErrors.IsExclusionViolation(ex))
        {
            throw new ConflictException(await OverlapMessageAsync(personId, command, cancellationToken));
        }
    }

    private async Task<string> OverlapMessageAsync(Guid personId, SubmitLeaveRequest command, CancellationToken cancellationToken)
    {
        await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
        var period = LeavePeriod.Create(command.FirstDay, command.LastDay, command.FirstDayPart, command.LastDayPart);
        var clash = await fresh.Requests.AsNoTracking()
            .Where(r => r.PersonId == personId && (r.Status == LeaveRequestStatus.Pending || r.Status == LeaveRequestStatus.Approved)
                && r.HeldFrom < period.HeldUntil && period.HeldFrom < r.HeldUntil)
            .OrderBy(r => r.FirstDay)
            .Join(fresh.LeaveTypes, r => r.LeaveTypeId, t => t.Id, (r, t) => new { r.FirstDay, r.LastDay, r.Status, t.Settings.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return clash is null
            ? "You already have leave on some of these days. Reload and try again."
            : $"You already have {clash.Name.ToLowerInvariant()} {LeaveText.Days(clash.FirstDay, clash.LastDay)} ({clash.Status.ToString().ToLowerInvariant()}): cancel it or choose other days.";
    }
}
