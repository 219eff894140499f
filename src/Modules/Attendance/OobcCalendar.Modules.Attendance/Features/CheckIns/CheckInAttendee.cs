using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.CheckIns;

/// <summary>
/// A desk (or the organizer, or Admin) checks someone in: by a scanned or typed ticket <paramref name="Code"/>, or by
/// picking <paramref name="PersonId"/> by name. <paramref name="ScannedAtUtc"/> is the scan's own time when an offline
/// scanner uploads it later (null: now). A second check-in of the same person answers "Already checked in" and records
/// nothing; a forged, expired or other event's ticket is refused with a clear message and records nothing.
/// </summary>
internal sealed record CheckInAttendee(Guid ListId, string? Code, Guid? PersonId, string Desk, DateTimeOffset? ScannedAtUtc = null) : ICommand<CheckInResult>;

internal sealed class CheckInAttendeeValidator : AbstractValidator<CheckInAttendee>
{
    public CheckInAttendeeValidator()
    {
        RuleFor(c => c).Must(c => string.IsNullOrWhiteSpace(c.Code) != (c.PersonId is null))
            .WithName("Code").WithMessage("Scan a ticket or pick a person (one of the two).");
        RuleFor(c => c.Code).MaximumLength(200).WithMessage("That code is too long to be a ticket.");
        RuleFor(c => c.Desk).NotEmpty().WithMessage("Name the desk (e.g. \"desk 1\").").MaximumLength(60);
    }
}

internal sealed class CheckInAttendeeHandler(
    IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, IUserDirectory directory, TimeProvider clock)
    : ICommandHandler<CheckInAttendee, CheckInResult>
{
    /// <summary>How far ahead of the server's clock an offline scanner's clock may run.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async ValueTask<CheckInResult> Handle(CheckInAttendee command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, command.ListId, cancellationToken);
        ListAccess.EnsureMayRunDesk(user, context.Occurrence);
        var at = command.ScannedAtUtc ?? now;
        if (at > now + ClockSkew)
        {
            throw new BusinessRuleException("The scan's time is in the future: check the scanner's clock.");
        }

        ListAccess.EnsureOpenAt(context, at);
        var (personId, method) = string.IsNullOrWhiteSpace(command.Code)
            ? (command.PersonId!.Value, CheckInMethod.Manual)
            : (await TicketOwnerAsync(db, context, command.Code.Trim(), cancellationToken), CheckInMethod.Ticket);
        var name = await CheckInRecorder.NameOfAsync(directory, personId, cancellationToken);
        var expected = context.IsExpected(personId);
        if (!expected && method == CheckInMethod.Ticket)
        {
            throw new BusinessRuleException($"{name} is no longer on this event's list; the ticket does not admit them.");
        }

        if (!expected && !context.List.Settings.WalkInsAllowed)
        {
            throw new BusinessRuleException($"{name} is not on this event's list, and walk-ins are not allowed.");
        }

        var checkIn = new CheckIn(context.List.Id, personId, null, expected, at, now, command.Desk.Trim(), method, user.Id);
        return await CheckInRecorder.RecordAsync(contexts, db, context, checkIn, name, cancellationToken);
    }

    private static async Task<Guid> TicketOwnerAsync(AttendanceDbContext db, ListInContext context, string code, CancellationToken cancellationToken)
    {
        if (code.StartsWith(DoorCodes.Prefix, StringComparison.Ordinal) || code.Contains("/attendance/door/", StringComparison.OrdinalIgnoreCase))
        {
            throw new BusinessRuleException("That is the door's self check-in code, not a personal ticket.");
        }

        var hash = TicketTokens.Hash(code);
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            ?? throw new BusinessRuleException("This code is not a valid ticket.");
        if (ticket.ListId != context.List.Id)
        {
            var other = await db.Lists.AsNoTracking().Where(l => l.Id == ticket.ListId)
                .Join(db.KnownEvents, l => l.EventId, e => e.EventId, (l, e) => e.Title).FirstOrDefaultAsync(cancellationToken);
            throw new BusinessRuleException($"This ticket is for another event{(other is null ? "" : $" (\"{other}\")")}, not this one.");
        }

        return ticket.PersonId;
    }
}
