using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Modules.Attendance.Persistence.Configurations;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.CheckIns;

/// <summary>
/// Records one check-in with its integration event and live notice in one commit. The unique indexes decide a race:
/// the loser's insert fails, and it answers with the winner's check-in ("Already checked in at 9:02 AM (desk 1)").
/// </summary>
internal static class CheckInRecorder
{
    public static async Task<CheckInResult> RecordAsync(
        IDbContextFactory<AttendanceDbContext> contexts,
        AttendanceDbContext db,
        ListInContext context,
        CheckIn checkIn,
        string name,
        CancellationToken cancellationToken)
    {
        var existing = await FindExistingAsync(db, checkIn, cancellationToken);
        if (existing is not null)
        {
            return Already(existing, name, context);
        }

        db.CheckIns.Add(checkIn);
        var list = context.List;
        db.Publish(new AttendeeCheckedInIntegrationEvent(
            list.Id, list.EventId, list.OccurrenceStartUtc, checkIn.Id, checkIn.PersonId, checkIn.WalkInId,
            checkIn.WalkInId is null ? null : name, checkIn.Expected, checkIn.CheckedInAt, checkIn.Desk, checkIn.Method.ToString())
        { OccurredAt = checkIn.RecordedAt });
        db.NotifyLive(new LiveUpdate(AttendanceTopics.Lists, list.Id.ToString(), "checked-in"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            // Another desk won the race: report its check-in (read in a fresh unit of work, this one is spoilt).
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var winner = await FindExistingAsync(fresh, checkIn, cancellationToken)
                ?? throw new InvalidOperationException($"Check-in refused by {CheckInConfiguration.OnePersonIndex} but no row found.", ex);
            return Already(winner, name, context);
        }

        var zone = OfficeTime.Zone(context.Occurrence.TimeZoneId);
        return new CheckInResult(
            CheckInOutcome.CheckedIn, checkIn.Id, checkIn.PersonId, checkIn.WalkInId, name, checkIn.Expected, checkIn.CheckedInAt, checkIn.Desk,
            $"{name} checked in at {TimeText.Time(checkIn.CheckedInAt, zone)} ({checkIn.Desk}).");
    }

    /// <summary>A person's display name, or a plain fallback when the directory does not know them.</summary>
    public static async Task<string> NameOfAsync(IUserDirectory directory, Guid personId, CancellationToken cancellationToken) =>
        (await directory.FindAsync(personId, cancellationToken))?.DisplayName ?? "Unknown person";

    private static Task<CheckIn?> FindExistingAsync(AttendanceDbContext db, CheckIn checkIn, CancellationToken cancellationToken) =>
        checkIn.PersonId is { } personId
            ? db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.ListId == checkIn.ListId && c.PersonId == personId, cancellationToken)
            : db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.ListId == checkIn.ListId && c.WalkInId == checkIn.WalkInId, cancellationToken);

    private static CheckInResult Already(CheckIn existing, string name, ListInContext context)
    {
        var zone = OfficeTime.Zone(context.Occurrence.TimeZoneId);
        return new CheckInResult(
            CheckInOutcome.AlreadyCheckedIn, existing.Id, existing.PersonId, existing.WalkInId, name, existing.Expected, existing.CheckedInAt, existing.Desk,
            $"Already checked in at {TimeText.Time(existing.CheckedInAt, zone)} ({existing.Desk}).");
    }
}
