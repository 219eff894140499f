using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.CheckIns;

/// <summary>A desk adds someone who is not on the list (name, organisation or community, optional contact) and checks them in.</summary>
internal sealed record AddWalkIn(Guid ListId, string Name, string Organisation, string? Contact, string Desk) : ICommand<CheckInResult>;

internal sealed class AddWalkInValidator : AbstractValidator<AddWalkIn>
{
    public AddWalkInValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the person's name.").MaximumLength(WalkIn.NameMax);
        RuleFor(c => c.Organisation).NotEmpty().WithMessage("Enter their organisation or community.").MaximumLength(WalkIn.OrganisationMax);
        RuleFor(c => c.Contact).MaximumLength(WalkIn.ContactMax);
        RuleFor(c => c.Desk).NotEmpty().WithMessage("Name the desk (e.g. \"desk 1\").").MaximumLength(60);
    }
}

internal sealed class AddWalkInHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AddWalkIn, CheckInResult>
{
    public async ValueTask<CheckInResult> Handle(AddWalkIn command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, command.ListId, cancellationToken);
        ListAccess.EnsureMayRunDesk(user, context.Occurrence);
        ListAccess.EnsureOpenAt(context, now);
        if (!context.List.Settings.WalkInsAllowed)
        {
            throw new BusinessRuleException("Walk-ins are not allowed for this event.");
        }

        var walkIn = new WalkIn(context.List.Id, command.Name, command.Organisation, command.Contact, user.Id, now);
        db.WalkIns.Add(walkIn);
        var checkIn = new CheckIn(context.List.Id, null, walkIn.Id, false, now, now, command.Desk.Trim(), CheckInMethod.WalkIn, user.Id);
        return await CheckInRecorder.RecordAsync(contexts, db, context, checkIn, walkIn.Name, cancellationToken);
    }
}
