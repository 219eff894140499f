using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Approvers;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Approvers;

/// <summary>
/// A manager (or Admin, for any manager) names a substitute approver from <paramref name="From"/> to
/// <paramref name="To"/>: while it covers today the substitute decides the manager's people's leave too (ADR 0026).
/// </summary>
internal sealed record SetApprovalDelegation(Guid ManagerId, Guid SubstituteId, DateOnly From, DateOnly To) : ICommand<Guid>;

internal sealed class SetApprovalDelegationValidator : AbstractValidator<SetApprovalDelegation>
{
    public SetApprovalDelegationValidator()
    {
        RuleFor(d => d.ManagerId).NotEmpty().WithMessage("Choose the manager.");
        RuleFor(d => d.SubstituteId).NotEmpty().WithMessage("Choose a substitute approver.")
            .NotEqual(d => d.ManagerId).WithMessage("A manager cannot be their own substitute: choose someone else.");
        RuleFor(d => d.From).Must(DateLimits.Contains).WithMessage(DateLimits.OutOfRange("The first day"));
        RuleFor(d => d.To).Must(DateLimits.Contains).WithMessage(DateLimits.OutOfRange("The last day"))
            .GreaterThanOrEqualTo(d => d.From).WithMessage("The last day comes before the first day.")
            .Must((d, to) => to.DayNumber - d.From.DayNumber < ApprovalDelegation.MaxDays)
            .WithMessage($"A delegation lasts at most {ApprovalDelegation.MaxDays} days.");
    }
}

internal sealed class SetApprovalDelegationHandler(
    IDbContextFactory<LeaveDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    TimeProvider clock) : ICommandHandler<SetApprovalDelegation, Guid>
{
    public async ValueTask<Guid> Handle(SetApprovalDelegation command, CancellationToken cancellationToken)
    {
        ApprovalDelegations.EnsureMayManage(currentUser, command.ManagerId);
        var manager = await directory.FindAsync(command.ManagerId, cancellationToken);
        if (manager is not { IsActive: true })
        {
            throw Invalid("ManagerId", "Choose an active person from the directory.");
        }

        var substitute = await directory.FindAsync(command.SubstituteId, cancellationToken);
        if (!LeaveApprovers.IsApproverAccount(substitute))
        {
            throw Invalid("SubstituteId", "Choose an active Manager or Admin as substitute: only they reach the Approvals page.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clash = await db.Delegations.AsNoTracking()
            .Where(d => d.ManagerId == command.ManagerId && d.EndedAt == null && d.FromDay <= command.To && d.ToDay >= command.From)
            .FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            throw Overlap(manager, clash.FromDay, clash.ToDay);
        }

        var now = clock.GetUtcNow();
        var delegation = ApprovalDelegation.Create(
            Guid.NewGuid(), command.ManagerId, command.SubstituteId, command.From, command.To, currentUser.Id, WallClock.Today(clock, OfficeTime.DefaultTimeZoneId), now);
        db.Delegations.Add(delegation);
        LeaveNotices.ApproversChanged(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (PostgresErrors.IsExclusionViolation(ex))
        {
            // Two delegations for one manager saved at once: the constraint lets one stand.
            throw Overlap(manager, command.From, command.To);
        }

        return delegation.Id;
    }

    private static InputValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });

    private static InputValidationException Overlap(DirectoryUser manager, DateOnly from, DateOnly to) =>
        Invalid("From", $"{manager.DisplayName} already has a substitute from {TimeText.Date(from)} to {TimeText.Date(to)}: end that one first or choose other days.");
}

/// <summary>Who may set or end a manager's delegation: the manager, or Admin for anyone.</summary>
internal static class ApprovalDelegations
{
    public static void EnsureMayManage(ICurrentUser user, Guid managerId)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.EnsureOfficeMember("name a substitute approver");
        if (managerId != user.Id && !user.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("Only Admin can name a substitute approver for someone else.");
        }
    }
}
