using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Sharing.Features.Feeds;

/// <summary>A link's feed as last written: its UTF-8 bytes, the same gzipped, and its validators.</summary>
internal sealed record ShareFeed(byte[] Body, byte[] Gzipped, string ETag, DateTimeOffset LastModified, DateTimeOffset BuiltAt)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// Keeps each link's last feed, encoded and compressed once, so pollers get it, or a 304, without composing it again
/// (ADR 0033). Entries carry the <see cref="Version"/> they were built at; any committed change to events, bookings or
/// leave (the live-update notices every host hears through LISTEN/NOTIFY, and the resync after a lost connection) moves
/// it on, so the next request composes anew; an entry older than <see cref="MaxAge"/> is rebuilt anyway. Concurrent
/// requests for a stale feed wait for one composition. The ETag is a weak hash of the content without DTSTAMP lines, so
/// an unchanged calendar keeps its ETag and Last-Modified across rebuilds (and across hosts, for the ETag).
/// </summary>
internal sealed class ShareFeedCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private static readonly string[] Topics = [SchedulingTopics.Events, ResourcesTopics.Bookings, LeaveTopics.Requests, LeaveTopics.Holidays];

    private readonly ConcurrentDictionary<ShareAccess, Slot> slots = new();
    private readonly ConcurrentDictionary<ShareAccess, (string ETag, DateTimeOffset LastModified)> validators = new();
    private readonly IDisposable subscription;
    private long version;

    public ShareFeedCache(ILiveUpdates live)
    {
        subscription = live.Subscribe(Topics, _ =>
        {
            Interlocked.Increment(ref version);
            // The feeds go (memory), their validators stay, so an unchanged feed keeps its Last-Modified when rebuilt.
            foreach (var (id, slot) in slots)
            {
                if (slot.Feed.IsCompletedSuccessfully)
                {
                    validators[id] = (slot.Feed.Result.ETag, slot.Feed.Result.LastModified);
                }

                slots.TryRemove(new KeyValuePair<ShareAccess, Slot>(id, slot));
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>Moves on with every change a feed may show.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>
    /// The feed of a link as <paramref name="access"/> describes it (keyed by all of it, so a link whose level, filter or
    /// label changed never gets the feed built for its old settings), built by <paramref name="build"/> when there is none
    /// for the current version.
    /// </summary>
    public async Task<ShareFeed> GetAsync(ShareAccess access, DateTimeOffset now, Func<Task<string>> build)
    {
        while (true)
        {
            var current = Version;
            slots.TryGetValue(access, out var slot);
            if (slot is not null && slot.Version == current && !slot.Feed.IsFaulted && !slot.Feed.IsCanceled
                && !(slot.Feed.IsCompletedSuccessfully && now - slot.Feed.Result.BuiltAt >= MaxAge))
            {
                return await slot.Feed;
            }

            var mine = new Slot(new TaskCompletionSource<ShareFeed>(TaskCreationOptions.RunContinuationsAsynchronously), current);
            if (!(slot is null ? slots.TryAdd(access, mine) : slots.TryUpdate(access, mine, slot)))
            {
                continue; // another request started a build first: wait for that one
            }

            try
            {
                var before = slot?.Feed is { IsCompletedSuccessfully: true } done ? (done.Result.ETag, done.Result.LastModified)
                    : validators.TryGetValue(access, out var kept) ? kept : default;
                var feed = Make(await build(), before, now);
                mine.Source.SetResult(feed);
                return feed;
            }
            catch (Exception e)
            {
                slots.TryRemove(new KeyValuePair<ShareAccess, Slot>(access, mine));
                mine.Source.SetException(e);
                throw;
            }
        }
    }

    public void Dispose() => subscription.Dispose();

    private static ShareFeed Make(string text, (string? ETag, DateTimeOffset LastModified) before, DateTimeOffset now)
    {
        var body = Encoding.UTF8.GetBytes(text);
        var etag = ETagOf(text);
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return new ShareFeed(body, gzipped.ToArray(), etag, before.ETag == etag ? before.LastModified : Truncate(now), now);
    }

    // Weak: feeds built at different moments differ in DTSTAMP (and in bytes between identity and gzip) yet mean the same.
    private static string ETagOf(string text)
    {
        var stable = string.Join("\n", text.Split("\r\n").Where(l => !l.StartsWith("DTSTAMP", StringComparison.Ordinal)));
        return "W/\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stable)))[..32] + "\"";
    }

    // HTTP dates have whole seconds; comparing If-Modified-Since needs the same.
    private static DateTimeOffset Truncate(DateTimeOffset instant) => new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private sealed class Slot(TaskCompletionSource<ShareFeed> source, long version)
    {
        public TaskCompletionSource<ShareFeed> Source { get; } = source;

        public Task<ShareFeed> Feed => Source.Task;

        public long Version { get; } = version;
    }
}
