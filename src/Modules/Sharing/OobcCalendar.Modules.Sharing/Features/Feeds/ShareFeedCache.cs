using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Sharing.Features.Feeds;

/// <summary>A link's feed as last written, with its validators.</summary>
internal sealed record ShareFeed(string Text, string ETag, DateTimeOffset LastModified, DateTimeOffset BuiltAt);

/// <summary>
/// Keeps each link's last feed so pollers asking again get a 304 without rebuilding it. Any committed change to events,
/// bookings or leave (the live-update notices every host hears through LISTEN/NOTIFY) drops every entry, and an entry
/// older than <see cref="MaxAge"/> is rebuilt anyway. The ETag is a hash of the content without DTSTAMP, so an
/// unchanged calendar keeps its ETag and Last-Modified across rebuilds.
/// </summary>
internal sealed class ShareFeedCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private static readonly string[] Topics = [SchedulingTopics.Events, ResourcesTopics.Bookings, LeaveTopics.Requests, LeaveTopics.Holidays];

    private readonly ConcurrentDictionary<Guid, ShareFeed> feeds = new();
    private readonly ConcurrentDictionary<Guid, ShareFeed> previous = new();
    private readonly IDisposable subscription;
    private long generation;

    public ShareFeedCache(ILiveUpdates live)
    {
        subscription = live.Subscribe(Topics, _ =>
        {
            Interlocked.Increment(ref generation);
            foreach (var (id, feed) in feeds)
            {
                previous[id] = feed;
            }

            feeds.Clear();
            return Task.CompletedTask;
        });
    }

    public async Task<ShareFeed> GetAsync(Guid linkId, DateTimeOffset now, Func<Task<string>> build)
    {
        if (feeds.TryGetValue(linkId, out var cached) && now - cached.BuiltAt < MaxAge)
        {
            return cached;
        }

        var started = Interlocked.Read(ref generation);
        var text = await build();
        var etag = ETagOf(text);
        var lastModified = previous.TryGetValue(linkId, out var before) && before.ETag == etag ? before.LastModified
            : cached?.ETag == etag ? cached.LastModified
            : Truncate(now);
        var feed = new ShareFeed(text, etag, lastModified, now);
        // A change committed while building must not be hidden behind the answer built before it.
        if (Interlocked.Read(ref generation) == started)
        {
            feeds[linkId] = feed;
        }

        return feed;
    }

    /// <summary>Forgets a link's feed (it was changed, revoked or regenerated).</summary>
    public void Forget(Guid linkId)
    {
        feeds.TryRemove(linkId, out _);
        previous.TryRemove(linkId, out _);
    }

    public void Dispose() => subscription.Dispose();

    private static string ETagOf(string text)
    {
        var stable = string.Join("\n", text.Split("\r\n").Where(l => !l.StartsWith("DTSTAMP", StringComparison.Ordinal)));
        return "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stable)))[..32] + "\"";
    }

    // HTTP dates have whole seconds; comparing If-Modified-Since needs the same.
    private static DateTimeOffset Truncate(DateTimeOffset instant) => new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
