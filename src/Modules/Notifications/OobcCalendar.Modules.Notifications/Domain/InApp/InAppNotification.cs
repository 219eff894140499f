namespace OobcCalendar.Modules.Notifications.Domain.InApp;

/// <summary>A line in someone's bell: what happened and where to look. Unique per (user, dedupe key), like e-mails.</summary>
internal sealed class InAppNotification
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public string Type { get; init; } = string.Empty;

    public string DedupeKey { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string Body { get; init; } = string.Empty;

    /// <summary>App-relative link to what it is about, e.g. <c>/resources/approvals</c>.</summary>
    public string Link { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }
}
