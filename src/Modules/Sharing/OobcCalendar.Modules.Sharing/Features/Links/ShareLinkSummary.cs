using OobcCalendar.Modules.Sharing.Domain;

namespace OobcCalendar.Modules.Sharing.Features.Links;

/// <summary>A link as its owner (or an Admin) sees it: never the token, only its first characters.</summary>
internal sealed record ShareLinkSummary(
    Guid Id,
    Guid OwnerId,
    string Label,
    ShareScope Scope,
    Guid? ScopeId,
    ShareModules Modules,
    ShareDetailLevel Level,
    string TokenPrefix,
    bool HasPin,
    bool AllowEmbed,
    bool IsActive,
    bool IsRevoked,
    bool IsExpired,
    DateTimeOffset ExpiresAt,
    int ViewCount,
    DateTimeOffset? LastViewedAt,
    DateTimeOffset CreatedAt)
{
    public static ShareLinkSummary From(ShareLink l, DateTimeOffset now) => new(
        l.Id, l.OwnerId, l.Label, l.Scope, l.ScopeId, l.Modules, l.Level, l.TokenPrefix, l.HasPin, l.AllowEmbed, l.IsActive,
        l.RevokedAt is not null, l.ExpiresAt <= now, l.ExpiresAt, l.ViewCount, l.LastViewedAt, l.CreatedAt);

    /// <summary>Whether the link opens now.</summary>
    public bool Works => IsActive && !IsRevoked && !IsExpired;
}
