using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Attendance.Features.Door;

/// <summary>A guest without an account scanned the door QR and fills in the short form; allowed when walk-ins are.</summary>
internal sealed record RegisterGuestAtDoor(Guid ListId, string DoorCode, string Name, string Organisation, string? Contact) : ICommand<CheckInResult>;

internal sealed class RegisterGuestAtDoorValidator : AbstractValidator<RegisterGuestAtDoor>
{
    public RegisterGuestAtDoorValidator()
    {
        RuleFor(c => c.DoorCode).NotEmpty().WithMessage("Scan the code shown at the door.").MaximumLength(200);
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter your name.").MaximumLength(WalkIn.NameMax);
        RuleFor(c => c.Organisation).NotEmpty().WithMessage("Enter your organisation or community.").MaximumLength(WalkIn.OrganisationMax);
        RuleFor(c => c.Contact).MaximumLength(WalkIn.ContactMax);
    }
}

internal sealed class RegisterGuestAtDoorHandler(IDbContextFactory<AttendanceDbContext> contexts, TimeProvider clock)
    : ICommandHandler<RegisterGuestAtDoor, CheckInResult>
{
    public async ValueTask<CheckInResult> Handle(RegisterGuestAtDoor command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, command.ListId, cancellationToken);
        DoorCheck.EnsureAdmits(context, command.DoorCode, now);
        if (!context.List.Settings.WalkInsAllowed)
        {
            throw new BusinessRuleException("This event is for invited people only. Please see the check-in desk.");
        }

        var walkIn = new WalkIn(context.List.Id, command.Name, command.Organisation, command.Contact, null, now);
        db.WalkIns.Add(walkIn);
        var checkIn = new CheckIn(context.List.Id, null, walkIn.Id, false, now, now, DoorCheck.DeskName, CheckInMethod.WalkIn, Guid.Empty);
        return await CheckInRecorder.RecordAsync(contexts, db, context, checkIn, walkIn.Name, cancellationToken);
    }
}
