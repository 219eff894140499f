using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.Modules.Sharing.Contracts;

/// <summary>A share link reached its expiry and stopped working (Notifications tells <see cref="OwnerId"/>).</summary>
/// <param name="LinkId">The link.</param>
/// <param name="OwnerId">Who created it.</param>
/// <param name="Label">The owner's name for it.</param>
/// <param name="ExpiredAt">When it ended.</param>
public sealed record ShareExpiredIntegrationEvent(Guid LinkId, Guid OwnerId, string Label, DateTimeOffset ExpiredAt) : IntegrationEvent;

/// <summary>A share link ends within <see cref="ShareExpiringNotice.DaysAhead"/> days; its owner may extend it by making a new one.</summary>
/// <param name="LinkId">The link.</param>
/// <param name="OwnerId">Who created it.</param>
/// <param name="Label">The owner's name for it.</param>
/// <param name="ExpiresAt">When it will end.</param>
public sealed record ShareExpiringIntegrationEvent(Guid LinkId, Guid OwnerId, string Label, DateTimeOffset ExpiresAt) : IntegrationEvent;

/// <summary>How far ahead the owner hears about an expiry.</summary>
public static class ShareExpiringNotice
{
    /// <summary>Days before expiry at which <see cref="ShareExpiringIntegrationEvent"/> is raised.</summary>
    public const int DaysAhead = 3;
}
