namespace OobcCalendar.Modules.Attendance.Domain;

/// <summary>
/// A personal ticket: the SHA-256 of a random token (the token itself is never stored) for one person at one list.
/// A person may hold several (each download or invitation issues one); any of them checks the person in once.
/// </summary>
internal sealed class Ticket
{
    private Ticket()
    {
    }

    public Ticket(Guid listId, Guid personId, byte[] tokenHash, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        ListId = listId;
        PersonId = personId;
        TokenHash = tokenHash;
        IssuedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ListId { get; private set; }

    public Guid PersonId { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset IssuedAt { get; private set; }
}
