using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Door;

/// <summary>
/// A signed-in person scanned the door QR (<paramref name="DoorCode"/>, current or previous slot only) and checks
/// themselves in. Someone not on the list gets in only when walk-ins are allowed.
/// </summary>
internal sealed record CheckInAtDoor(Guid ListId, string DoorCode) : ICommand<CheckInResult>;

internal sealed class CheckInAtDoorValidator : AbstractValidator<CheckInAtDoor>
{
    public CheckInAtDoorValidator() =>
        RuleFor(c => c.DoorCode).NotEmpty().WithMessage("Scan the code shown at the door.").MaximumLength(200).WithMessage("This check-in code is not valid for this event.");
}

internal sealed class CheckInAtDoorHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, IUserDirectory directory, TimeProvider clock)
    : ICommandHandler<CheckInAtDoor, CheckInResult>
{
    public async ValueTask<CheckInResult> Handle(CheckInAtDoor command, CancellationToken cancellationToken)
    {
        if (!user.IsAuthenticated)
        {
            throw new ForbiddenException("Sign in to check yourself in.");
        }

        if (user.IsInRole(Roles.CheckInDesk))
        {
            throw new ForbiddenException("A check-in desk account checks others in at the desk, not itself at the door.");
        }

        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, command.ListId, cancellationToken);
        DoorCheck.EnsureAdmits(context, command.DoorCode, now);
        var expected = context.IsExpected(user.Id);
        if (!expected && !context.List.Settings.WalkInsAllowed)
        {
            throw new BusinessRuleException("You are not on this event's list. Please see the check-in desk.");
        }

        var name = await CheckInRecorder.NameOfAsync(directory, user.Id, cancellationToken);
        var checkIn = new CheckIn(context.List.Id, user.Id, null, expected, now, now, DoorCheck.DeskName, CheckInMethod.Door, user.Id);
        return await CheckInRecorder.RecordAsync(contexts, db, context, checkIn, name, cancellationToken);
    }
}
