namespace OobcCalendar.Modules.Attendance.Domain;

/// <summary>
/// One scan an offline scanner uploaded, keyed by the scanner's own <see cref="ClientScanId"/> (ADR 0030): the primary
/// key makes a re-upload (or the same batch sent twice at once) find the first upload's verdict instead of checking
/// anyone in again. Only scans the server accepted (checked in, or already checked in) are kept; a refused scan records
/// nothing, so its re-upload is judged afresh.
/// </summary>
internal sealed class OfflineScan
{
    public const int MessageMax = 300;

    private OfflineScan()
    {
    }

    public OfflineScan(Guid clientScanId, Guid listId, string desk, DateTimeOffset scannedAt, Guid uploadedBy, DateTimeOffset receivedAt)
    {
        ClientScanId = clientScanId;
        ListId = listId;
        Desk = desk;
        ScannedAt = scannedAt;
        UploadedBy = uploadedBy;
        ReceivedAt = receivedAt;
    }

    public Guid ClientScanId { get; private set; }

    public Guid ListId { get; private set; }

    public string Desk { get; private set; } = "";

    /// <summary>When the scanner saw the code (its own clock).</summary>
    public DateTimeOffset ScannedAt { get; private set; }

    public Guid UploadedBy { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The check-in this scan made or found (null only while the claim is being judged).</summary>
    public Guid? CheckInId { get; private set; }

    /// <summary>Whether this scan made the check-in (false: the person was already checked in).</summary>
    public bool CheckedIn { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset? CheckedInAt { get; private set; }

    public string? CheckedInDesk { get; private set; }

    /// <summary>The verdict as the scanner was told it ("Already checked in at 9:02 AM (desk 1).").</summary>
    public string Message { get; private set; } = "";

    public void Judged(Guid checkInId, bool checkedIn, string name, DateTimeOffset checkedInAt, string desk, string message)
    {
        CheckInId = checkInId;
        CheckedIn = checkedIn;
        Name = name;
        CheckedInAt = checkedInAt;
        CheckedInDesk = desk;
        Message = message.Length > MessageMax ? message[..MessageMax] : message;
    }
}
