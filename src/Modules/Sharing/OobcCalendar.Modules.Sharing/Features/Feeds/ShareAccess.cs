using OobcCalendar.Modules.Sharing.Domain;

namespace OobcCalendar.Modules.Sharing.Features.Feeds;

/// <summary>What an open link lets a visitor read; never the owner's identity beyond the scope it covers.</summary>
internal sealed record ShareAccess(
    Guid LinkId,
    ShareScope Scope,
    Guid? ScopeId,
    ShareModules Modules,
    ShareDetailLevel Level,
    string Label,
    string TimeZoneId,
    bool AllowEmbed,
    DateTimeOffset ExpiresAt)
{
    public static ShareAccess From(ShareLink l) => new(l.Id, l.Scope, l.ScopeId, l.Modules, l.Level, l.Label, l.TimeZoneId, l.AllowEmbed, l.ExpiresAt);
}

/// <summary>
/// The one answer for a token that is unknown, revoked, paused or expired, so nobody outside can tell which (ADR 0028).
/// </summary>
internal sealed class ShareUnavailableException() : OobcCalendar.Shared.Errors.UserFacingException(Text, 404)
{
    public const string Text = "This link has expired or is no longer available.";
}

/// <summary>
/// The link is open but protected by a PIN that was missing or wrong. <see cref="AllowEmbed"/> tells the public page
/// whether its PIN form may be framed by other sites (an embedded calendar with a PIN asks for it inside the frame).
/// </summary>
internal sealed class SharePinRequiredException(bool allowEmbed = false) : OobcCalendar.Shared.Errors.UserFacingException("Enter the PIN you were given with this link.", 401)
{
    public bool AllowEmbed { get; } = allowEmbed;
}
