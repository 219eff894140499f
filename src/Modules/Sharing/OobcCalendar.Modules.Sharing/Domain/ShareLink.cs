using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Sharing.Domain;

/// <summary>
/// A read-only link to one calendar scope, opened by its secret token. It works while active, not revoked and not
/// expired; from outside, every other state looks the same as an unknown token.
/// </summary>
internal sealed class ShareLink
{
    public const int LabelMaxLength = 100;

    private ShareLink()
    {
    }

    public Guid Id { get; private set; }

    public Guid OwnerId { get; private set; }

    public ShareScope Scope { get; private set; }

    /// <summary>The user, unit or resource shared; null for the office.</summary>
    public Guid? ScopeId { get; private set; }

    public ShareModules Modules { get; private set; }

    public ShareDetailLevel Level { get; private set; }

    public string Label { get; private set; } = string.Empty;

    /// <summary>The zone the public page opens in (the owner's at creation).</summary>
    public string TimeZoneId { get; private set; } = string.Empty;

    public byte[] TokenHash { get; private set; } = [];

    public string TokenPrefix { get; private set; } = string.Empty;

    public string? PinHash { get; private set; }

    public bool AllowEmbed { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>When the expiry job ended the link and told its owner (once).</summary>
    public DateTimeOffset? ExpiredNoticeAt { get; private set; }

    /// <summary>When the owner was told the link ends soon (once).</summary>
    public DateTimeOffset? ExpiringNoticeAt { get; private set; }

    public int ViewCount { get; private set; }

    public DateTimeOffset? LastViewedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static (ShareLink Link, string Token) Create(
        Guid id, Guid ownerId, ShareScope scope, Guid? scopeId, ShareModules modules, ShareDetailLevel level, string label,
        string timeZoneId, DateTimeOffset expiresAt, string? pin, bool allowEmbed, DateTimeOffset now)
    {
        if (modules == ShareModules.None)
        {
            throw new BusinessRuleException("Choose at least one kind of entry to share.");
        }

        if (expiresAt <= now)
        {
            throw new BusinessRuleException("The expiry must be in the future.");
        }

        var link = new ShareLink
        {
            Id = id,
            OwnerId = ownerId,
            Scope = scope,
            ScopeId = scopeId,
            Modules = modules & ShareModules.All,
            Level = level,
            Label = label.Trim(),
            TimeZoneId = timeZoneId,
            PinHash = string.IsNullOrEmpty(pin) ? null : SharePin.Hash(pin),
            AllowEmbed = allowEmbed,
            IsActive = true,
            ExpiresAt = expiresAt,
            CreatedAt = now,
        };
        return (link, link.NewToken());
    }

    public bool HasPin => PinHash is not null;

    /// <summary>Whether the link opens now (the PIN aside).</summary>
    public bool IsOpen(DateTimeOffset now) => IsActive && RevokedAt is null && ExpiresAt > now;

    public bool PinMatches(string? pin) => PinHash is null || SharePin.Verify(pin, PinHash);

    public void SetActive(bool active)
    {
        EnsureNotRevoked();
        IsActive = active;
    }

    public void Revoke(DateTimeOffset now)
    {
        RevokedAt ??= now;
        IsActive = false;
    }

    /// <summary>A new secret; the old one stops working at once.</summary>
    public string Regenerate()
    {
        EnsureNotRevoked();
        return NewToken();
    }

    public void RecordView(DateTimeOffset now)
    {
        ViewCount++;
        LastViewedAt = now;
    }

    public void MarkExpired(DateTimeOffset now)
    {
        IsActive = false;
        ExpiredNoticeAt ??= now;
    }

    public void MarkExpiring(DateTimeOffset now) => ExpiringNoticeAt ??= now;

    private void EnsureNotRevoked()
    {
        if (RevokedAt is not null)
        {
            throw new BusinessRuleException("This link was revoked; create a new one.");
        }
    }

    private string NewToken()
    {
        var token = ShareToken.New();
        TokenHash = ShareToken.Hash(token);
        TokenPrefix = ShareToken.Prefix(token);
        return token;
    }
}
