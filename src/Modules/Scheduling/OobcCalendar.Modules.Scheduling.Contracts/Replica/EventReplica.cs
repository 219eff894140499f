using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace OobcCalendar.Modules.Scheduling.Contracts.Replica;

/// <summary>
/// A consuming module's copy of a Scheduling event (or series), kept from Scheduling's integration events only
/// (ADR 0038). Each module derives its own row type, in its own table and schema, and adds what only it needs
/// (<see cref="ApplyDetails"/>); how events are applied is written here once. <see cref="AsOf"/> is the time of the
/// latest snapshot applied, so a retried older event does not overwrite a newer one; a whole cancellation is permanent.
/// </summary>
/// <remarks>Column limits are data annotations (BCL, no EF Core here); the module names the table.</remarks>
public abstract class EventReplica
{
    [Key]
    [DatabaseGenerated(DatabaseGeneratedOption.None)]
    public Guid EventId { get; set; }

    [MaxLength(300)]
    public string Title { get; set; } = "";

    [MaxLength(300)]
    public string? Location { get; set; }

    public Guid OrganizerId { get; set; }

    public List<Guid> ParticipantIds { get; set; } = [];

    public DateTimeOffset StartUtc { get; set; }

    public DateTimeOffset EndUtc { get; set; }

    [MaxLength(64)]
    public string TimeZoneId { get; set; } = "";

    public bool AllDay { get; set; }

    [MaxLength(1000)]
    public string? RecurrenceRule { get; set; }

    public List<DateTimeOffset> ExceptionDatesUtc { get; set; } = [];

    public bool Cancelled { get; set; }

    /// <summary>Occurrences from this instant on were cancelled ("this and following").</summary>
    public DateTimeOffset? CancelledFromUtc { get; set; }

    public DateTimeOffset AsOf { get; set; }

    [NotMapped]
    public bool IsRecurring => RecurrenceRule is not null;

    /// <summary>Who is expected: the participants and the organizer.</summary>
    [NotMapped]
    public IReadOnlyList<Guid> Expected => [.. ParticipantIds.Append(OrganizerId).Distinct()];

    /// <summary>Takes the snapshot's facts unless a newer snapshot is already applied; cancellations are left as they are.</summary>
    /// <returns>Whether the snapshot was applied.</returns>
    public bool Apply(EventSnapshot snapshot, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (AsOf > occurredAt)
        {
            return false;
        }

        Title = snapshot.Title;
        Location = snapshot.Location;
        OrganizerId = snapshot.OrganizerId;
        ParticipantIds = [.. snapshot.ParticipantIds.Distinct()];
        StartUtc = snapshot.StartUtc.ToUniversalTime();
        EndUtc = snapshot.EndUtc.ToUniversalTime();
        TimeZoneId = snapshot.TimeZoneId;
        AllDay = snapshot.AllDay;
        RecurrenceRule = snapshot.RecurrenceRule;
        ExceptionDatesUtc = [.. snapshot.ExceptionDatesUtc.Select(d => d.ToUniversalTime())];
        ApplyDetails(snapshot);
        AsOf = occurredAt;
        return true;
    }

    /// <summary>Cancels the occurrences from <paramref name="from"/> on; an earlier cut already stored wins.</summary>
    public void CancelFrom(DateTimeOffset from)
    {
        var fromUtc = from.ToUniversalTime();
        CancelledFromUtc = CancelledFromUtc is { } earlier && earlier < fromUtc ? earlier : fromUtc;
    }

    /// <summary>Copies the facts only this module keeps; called by <see cref="Apply"/> with a snapshot not older than the stored one.</summary>
    protected virtual void ApplyDetails(EventSnapshot snapshot)
    {
    }
}
