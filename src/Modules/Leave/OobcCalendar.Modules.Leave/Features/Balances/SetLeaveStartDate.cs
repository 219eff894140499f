using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.People;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Balances;

/// <summary>
/// Admin records the day a person's leave credits start (their first day of service), so the accrual job prorates
/// their first month and their yearly grants. Null: in service all along (full credits).
/// </summary>
internal sealed record SetLeaveStartDate(Guid PersonId, DateOnly? StartedOn) : ICommand;

internal sealed class SetLeaveStartDateValidator : AbstractValidator<SetLeaveStartDate>
{
    public SetLeaveStartDateValidator()
    {
        RuleFor(s => s.PersonId).NotEmpty().WithMessage("Choose a person.");
        RuleFor(s => s.StartedOn).Must(d => DateLimits.Contains(d!.Value)).When(s => s.StartedOn is not null).WithMessage(DateLimits.OutOfRange("The start date"));
    }
}

internal sealed class SetLeaveStartDateHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser, IUserDirectory directory) : ICommandHandler<SetLeaveStartDate>
{
    public async ValueTask<Unit> Handle(SetLeaveStartDate command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "set leave start dates");
        if (await directory.FindAsync(command.PersonId, cancellationToken) is null)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["PersonId"] = ["Choose a person from the directory."] });
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.PersonId == command.PersonId, cancellationToken);
        if (profile is null)
        {
            db.Profiles.Add(LeaveProfile.Create(command.PersonId, command.StartedOn));
        }
        else
        {
            profile.SetStartedOn(command.StartedOn);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
