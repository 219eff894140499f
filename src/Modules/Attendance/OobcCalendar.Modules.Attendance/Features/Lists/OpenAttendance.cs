using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Lists;

/// <summary>
/// The organizer (or Admin) turns attendance on for one occurrence (<paramref name="OccurrenceStartUtc"/>: a series'
/// RECURRENCE-ID, or the start of a single event) with its settings, or changes the settings of the list already there.
/// Returns the list's id. A closed list is opened again.
/// </summary>
internal sealed record OpenAttendance(
    Guid EventId,
    DateTimeOffset OccurrenceStartUtc,
    bool SelfCheckInAllowed,
    bool WalkInsAllowed,
    bool CheckOutRecorded,
    int OpensMinutesBefore) : ICommand<Guid>;

internal sealed class OpenAttendanceValidator : AbstractValidator<OpenAttendance>
{
    public OpenAttendanceValidator()
    {
        RuleFor(c => c.OpensMinutesBefore).InclusiveBetween(0, AttendanceSettings.MaxOpensMinutesBefore)
            .WithMessage("Check-in opens between 0 minutes and 24 hours before the start.");
    }
}

internal sealed class OpenAttendanceHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<OpenAttendance, Guid>
{
    public async ValueTask<Guid> Handle(OpenAttendance command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var occurrence = await EventOccurrences.GetAsync(db, command.EventId, command.OccurrenceStartUtc, cancellationToken);
        ListAccess.EnsureOrganizerOrAdmin(user, occurrence);
        var settings = new AttendanceSettings(command.SelfCheckInAllowed, command.WalkInsAllowed, command.CheckOutRecorded, command.OpensMinutesBefore);
        var list = await AttendanceLists.FindAsync(db, occurrence, cancellationToken);
        if (list is null)
        {
            list = new AttendanceList(occurrence.EventId, occurrence.OccurrenceStartUtc, settings, user.Id, clock.GetUtcNow());
            db.Lists.Add(list);
        }
        else
        {
            list.Change(settings);
            list.Reopen();
        }

        db.NotifyLive(new LiveUpdate(AttendanceTopics.Lists, list.Id.ToString(), "settings"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            throw new Shared.Errors.ConflictException("Attendance was turned on for this occurrence a moment ago; open it again to change its settings.");
        }

        return list.Id;
    }
}
