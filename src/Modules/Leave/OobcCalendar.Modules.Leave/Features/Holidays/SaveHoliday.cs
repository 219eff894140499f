using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Holidays;

/// <summary>
/// Admin adds (<paramref name="Id"/> null) or corrects a holiday, office-wide or for one unit (a proclaimed date
/// confirmed, a local holiday). Requests already filed keep the days they were filed with.
/// </summary>
internal sealed record SaveHoliday(Guid? Id, DateOnly Date, string Name, HolidayKind Kind, Guid? UnitId = null) : ICommand<Guid>;

/// <summary>Admin removes a holiday (a seeded one is not seeded again).</summary>
internal sealed record RemoveHoliday(Guid Id) : ICommand;

internal sealed class SaveHolidayValidator : AbstractValidator<SaveHoliday>
{
    public SaveHolidayValidator()
    {
        RuleFor(h => h.Date).Must(DateLimits.Contains).WithMessage(DateLimits.OutOfRange("The date"));
        RuleFor(h => h.Name).NotEmpty().WithMessage("Give the holiday a name.").MaximumLength(150).WithMessage("Keep the name under 150 characters.");
        RuleFor(h => h.Kind).IsInEnum().WithMessage("Choose a regular holiday or a special non-working day.");
    }
}

internal sealed class SaveHolidayHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser) : ICommandHandler<SaveHoliday, Guid>
{
    public async ValueTask<Guid> Handle(SaveHoliday command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "edit holidays");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Holiday holiday;
        if (command.Id is { } id)
        {
            holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, cancellationToken) ?? throw new NotFoundException("That holiday no longer exists.");
            holiday.Change(command.Date, command.Name, command.Kind, command.UnitId);
        }
        else
        {
            holiday = Holiday.Create(Guid.CreateVersion7(), command.Date, command.Name, command.Kind, command.UnitId);
            db.Holidays.Add(holiday);
        }

        db.NotifyLive(new LiveUpdate(LeaveTopics.Holidays, holiday.Id.ToString(), "saved"));
        await db.SaveChangesAsync(cancellationToken);
        return holiday.Id;
    }
}

internal sealed class RemoveHolidayHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser) : ICommandHandler<RemoveHoliday>
{
    public async ValueTask<Unit> Handle(RemoveHoliday command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "edit holidays");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == command.Id, cancellationToken) ?? throw new NotFoundException("That holiday no longer exists.");
        db.Holidays.Remove(holiday);
        db.NotifyLive(new LiveUpdate(LeaveTopics.Holidays, holiday.Id.ToString(), "removed"));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
