namespace OobcCalendar.Modules.Attendance.Domain;

/// <summary>Someone not on the list who came anyway, registered at the desk or (a guest) at the door.</summary>
internal sealed class WalkIn
{
    public const int NameMax = 120;
    public const int OrganisationMax = 160;
    public const int ContactMax = 160;

    private WalkIn()
    {
    }

    public WalkIn(Guid listId, string name, string organisation, string? contact, Guid? addedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        ListId = listId;
        Name = name.Trim();
        Organisation = organisation.Trim();
        Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        AddedBy = addedBy;
        AddedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ListId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Organisation or community.</summary>
    public string Organisation { get; private set; } = "";

    public string? Contact { get; private set; }

    /// <summary>The desk or organizer who added them; null when a guest registered at the door.</summary>
    public Guid? AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
}
