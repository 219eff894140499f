namespace OobcCalendar.Modules.Resources.Domain.Resources;

/// <summary>A period nothing (or one resource) can be booked: maintenance, holidays.</summary>
internal sealed class Blackout
{
    private Blackout()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The resource, or null for every resource.</summary>
    public Guid? ResourceId { get; private set; }

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public Guid CreatedBy { get; private set; }

    public static Blackout Create(Guid id, Guid? resourceId, DateTimeOffset start, DateTimeOffset end, string reason, Guid createdBy) =>
        end <= start
            ? throw new Shared.Errors.BusinessRuleException("A blackout must end after it starts.")
            : new Blackout { Id = id, ResourceId = resourceId, Start = start.ToUniversalTime(), End = end.ToUniversalTime(), Reason = reason.Trim(), CreatedBy = createdBy };

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}
