using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Sharing.Features.Feeds;

/// <summary>
/// Open links recently read from the database, by token hash, so a poller's 304 costs no query (ADR 0033). Any change
/// to any link (created, paused, revoked, regenerated, expired: the <see cref="SharingTopics.Links"/> notices every host
/// hears through LISTEN/NOTIFY, and the resync after a lost connection) empties it at once; an entry is trusted for
/// <see cref="MaxAge"/> at most even if a notice never came. Only open links are kept, and expiry is checked on every
/// use, so a closed token always takes the database path, as an unknown one does.
/// </summary>
internal sealed class ShareLinkCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, CachedShareLink> entries = new(StringComparer.Ordinal);
    private readonly IDisposable subscription;
    private long version;

    public ShareLinkCache(ILiveUpdates live)
    {
        subscription = live.Subscribe([SharingTopics.Links], _ =>
        {
            Interlocked.Increment(ref version);
            entries.Clear();
            return Task.CompletedTask;
        });
    }

    /// <summary>Changes whenever a link may have changed; read it before the database and pass it to <see cref="Keep"/>.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>The open link with this token hash, if known and still trusted.</summary>
    public CachedShareLink? Find(byte[] tokenHash, DateTimeOffset now)
    {
        var key = Convert.ToBase64String(tokenHash);
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Version == Version && now - entry.LoadedAt < MaxAge && entry.Link.IsOpen(now))
        {
            return entry;
        }

        entries.TryRemove(key, out _);
        return null;
    }

    /// <summary>
    /// Keeps an open link read while <see cref="Version"/> was <paramref name="versionBefore"/>; answers the entry, or null
    /// when a change came since (the next request reads the database again).
    /// </summary>
    public CachedShareLink? Keep(byte[] tokenHash, ShareLink link, long versionBefore, DateTimeOffset now)
    {
        if (!link.IsOpen(now) || versionBefore != Version)
        {
            return null;
        }

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        var entry = new CachedShareLink(link, versionBefore, now);
        entries[Convert.ToBase64String(tokenHash)] = entry;
        return entry;
    }

    public void Dispose() => subscription.Dispose();
}

/// <summary>A link as read from the database, with the PIN last found to open it (PBKDF2 costs tens of milliseconds a check).</summary>
internal sealed class CachedShareLink(ShareLink link, long version, DateTimeOffset loadedAt)
{
    private volatile string? checkedPin;

    public ShareLink Link { get; } = link;

    public long Version { get; } = version;

    public DateTimeOffset LoadedAt { get; } = loadedAt;

    /// <summary>Whether <paramref name="pin"/> is the one already checked for this entry.</summary>
    public bool PinAlreadyChecked(string? pin) =>
        pin is not null && checkedPin is { } known && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(known), Encoding.UTF8.GetBytes(pin));

    public void PinChecked(string? pin) => checkedPin = pin;
}
