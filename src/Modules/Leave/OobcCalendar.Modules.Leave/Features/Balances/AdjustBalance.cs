using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Ledger;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Balances;

/// <summary>Admin corrects a person's balance of one type by some days (positive or negative), saying why: a ledger entry, never an overwrite.</summary>
internal sealed record AdjustBalance(Guid PersonId, Guid LeaveTypeId, decimal Days, string Reason) : ICommand<Guid>;

internal sealed class AdjustBalanceValidator : AbstractValidator<AdjustBalance>
{
    public AdjustBalanceValidator()
    {
        RuleFor(a => a.PersonId).NotEmpty().WithMessage("Choose whose balance to adjust.");
        RuleFor(a => a.LeaveTypeId).NotEmpty().WithMessage("Choose a leave type.");
        RuleFor(a => a.Days).NotEqual(0).WithMessage("Adjust by some days (negative to take days away).")
            .InclusiveBetween(-400, 400).WithMessage("Adjust by at most 400 days at once.")
            .Must(d => d * 1000 == decimal.Truncate(d * 1000)).WithMessage("Use at most three decimals.");
        RuleFor(a => a.Reason).NotEmpty().WithMessage("Say why the balance is adjusted.").MaximumLength(500).WithMessage("Keep the reason under 500 characters.");
    }
}

internal sealed class AdjustBalanceHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser, IUserDirectory directory, TimeProvider clock)
    : ICommandHandler<AdjustBalance, Guid>
{
    public async ValueTask<Guid> Handle(AdjustBalance command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "adjust leave balances");
        if (await directory.FindAsync(command.PersonId, cancellationToken) is null)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["PersonId"] = ["Choose a person from the directory."] });
        }

        var now = clock.GetUtcNow();
        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var type = await db.LeaveTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == command.LeaveTypeId, cancellationToken);
        if (type is not { SpendsOwnCredits: true })
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["LeaveTypeId"] = ["Choose a leave type that has its own balance."] });
        }

        var year = await LeaveContext.OpenYearAsync(db, today.Year, cancellationToken);
        var entry = LedgerEntry.Create(new LedgerLine(command.PersonId, type.Id, year, LedgerEntryKind.Adjustment, command.Days, today, null, null, command.Reason, currentUser.Id), now);
        db.Ledger.Add(entry);
        LeaveNotices.BalanceChanged(db, command.PersonId);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }
}
