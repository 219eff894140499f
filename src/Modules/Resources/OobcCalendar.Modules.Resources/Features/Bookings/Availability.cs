using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Something in the way of a requested slot.</summary>
internal sealed record SlotConflict(string Kind, DateTimeOffset Start, DateTimeOffset End, string Description);

/// <summary>A free alternative: the same resource at another time, or a similar resource at the same time.</summary>
internal sealed record SlotSuggestion(Guid ResourceId, string ResourceName, DateTimeOffset Start, DateTimeOffset End);

/// <summary>The answer to "is this slot free?", with what is in the way and free alternatives.</summary>
internal sealed record AvailabilityAnswer(bool IsFree, string? RuleProblem, IReadOnlyList<SlotConflict> Conflicts, IReadOnlyList<SlotSuggestion> OtherTimes, IReadOnlyList<SlotSuggestion> OtherResources);

/// <summary>The slot was taken (usually by a request that won a race); carries what is in the way and the next free slots.</summary>
internal sealed class SlotTakenException(string message, AvailabilityAnswer answer) : UserFacingException(message, 409)
{
    public AvailabilityAnswer Answer { get; } = answer;
}

/// <summary>Conflict and suggestion logic shared by the check, the request and the recurring request.</summary>
internal static class Availability
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Pending/approved holds and blackouts overlapping the slot (buffers included); a hold's purpose only when
    /// <paramref name="viewer"/> may read it (<see cref="BookingPrivacy"/>).
    /// </summary>
    public static async Task<IReadOnlyList<SlotConflict>> ConflictsAsync(
        ResourcesDbContext db, Resource resource, DateTimeOffset start, DateTimeOffset end, Guid? ignoreBooking, ICurrentUser viewer, CancellationToken cancellationToken)
    {
        var blockedStart = start - resource.Rules.BufferBefore;
        var blockedEnd = end + resource.Rules.BufferAfter;
        var holds = await db.Bookings.AsNoTracking()
            .Where(b => b.ResourceId == resource.Id && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved)
                && b.BlockedStart < blockedEnd && blockedStart < b.BlockedEnd && b.Id != ignoreBooking)
            .OrderBy(b => b.Start)
            .Select(b => new { b.Status, b.Start, b.End, b.Purpose, b.RequesterId, b.AttendeeIds })
            .ToListAsync(cancellationToken);
        var conflicts = holds.Select(b => new SlotConflict(
            b.Status == BookingStatus.Pending ? "pending" : "booked",
            b.Start,
            b.End,
            BookingPrivacy.MayReadPurpose(resource, b.RequesterId, b.AttendeeIds, viewer) ? b.Purpose
                : b.Status == BookingStatus.Pending ? BookingPrivacy.HiddenPending : BookingPrivacy.HiddenBooked));
        var blackouts = await BlackoutsAsync(db, resource.Id, blockedStart, blockedEnd, cancellationToken);
        return [.. conflicts, .. blackouts.Select(b => new SlotConflict("blackout", b.Start, b.End, b.Reason))];
    }

    public static Task<List<Blackout>> BlackoutsAsync(ResourcesDbContext db, Guid resourceId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        db.Blackouts.AsNoTracking()
            .Where(b => (b.ResourceId == null || b.ResourceId == resourceId) && b.Start < end && start < b.End)
            .ToListAsync(cancellationToken);

    /// <summary>Full answer: rules, conflicts, the nearest free times of this resource, and similar free resources.</summary>
    public static async Task<AvailabilityAnswer> AnswerAsync(
        ResourcesDbContext db, Resource resource, DateTimeOffset start, DateTimeOffset end, int? attendees, DateTimeOffset now, ICurrentUser viewer, CancellationToken cancellationToken)
    {
        string? ruleProblem = null;
        try
        {
            resource.EnsureBookable(start, end, attendees, now);
        }
        catch (BusinessRuleException ex)
        {
            ruleProblem = ex.Message;
        }

        var conflicts = await ConflictsAsync(db, resource, start, end, null, viewer, cancellationToken);
        if (ruleProblem is null && conflicts.Count == 0)
        {
            return new AvailabilityAnswer(true, null, [], [], []);
        }

        var otherTimes = await NearestFreeTimesAsync(db, resource, start, end - start, attendees, now, 3, cancellationToken);
        var otherResources = await SimilarFreeResourcesAsync(db, resource, start, end, attendees, now, 3, cancellationToken);
        return new AvailabilityAnswer(false, ruleProblem, conflicts, otherTimes, otherResources);
    }

    /// <summary>
    /// The free slots of the same length nearest to <paramref name="desired"/> (later first, then earlier),
    /// on a 15-minute grid, within a week either side and within the resource's rules.
    /// </summary>
    public static async Task<IReadOnlyList<SlotSuggestion>> NearestFreeTimesAsync(
        ResourcesDbContext db, Resource resource, DateTimeOffset desired, TimeSpan length, int? attendees, DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        var windowStart = desired.AddDays(-7);
        var windowEnd = desired.AddDays(7);
        var busy = await BusyRangesAsync(db, resource.Id, windowStart, windowEnd, cancellationToken);
        var found = new List<SlotSuggestion>();
        var aligned = new DateTimeOffset(desired.Ticks - (desired.Ticks % Step.Ticks), desired.Offset);
        for (var i = 1; i <= 7 * 24 * 4 && found.Count < count; i++)
        {
            foreach (var candidate in new[] { aligned + (Step * i), aligned - (Step * i) })
            {
                if (found.Count < count && IsFree(resource, candidate, candidate + length, attendees, now, busy))
                {
                    found.Add(new SlotSuggestion(resource.Id, resource.Name, candidate, candidate + length));
                }
            }
        }

        return found.OrderBy(s => (s.Start - desired).Duration()).ToList();
    }

    /// <summary>Active resources of the same kind, big enough, that are free and bookable for exactly this slot.</summary>
    public static async Task<IReadOnlyList<SlotSuggestion>> SimilarFreeResourcesAsync(
        ResourcesDbContext db, Resource resource, DateTimeOffset start, DateTimeOffset end, int? attendees, DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        var needed = attendees ?? 0;
        var loaded = await db.Resources.AsNoTracking()
            .Where(r => r.Id != resource.Id && r.Kind == resource.Kind && r.IsActive && (r.Capacity == null || r.Capacity >= needed))
            .ToListAsync(cancellationToken);
        // Most alike first: shared features, then the closest capacity.
        var candidates = loaded
            .OrderByDescending(r => r.Features.Count(f => resource.Features.Contains(f, StringComparer.OrdinalIgnoreCase)))
            .ThenBy(r => Math.Abs((r.Capacity ?? 0) - (resource.Capacity ?? 0)))
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .Take(20);
        var shortlist = candidates.ToList();
        var ids = shortlist.Select(c => c.Id).ToList();
        var from = start.AddDays(-1);
        var to = end.AddDays(1);
        // One query for every candidate's holds, one for blackouts: a loser's answer must stay cheap under contention.
        var holds = (await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.ResourceId) && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved) && b.BlockedStart < to && from < b.BlockedEnd)
            .Select(b => new { b.ResourceId, b.BlockedStart, b.BlockedEnd })
            .ToListAsync(cancellationToken)).ToLookup(h => h.ResourceId);
        var blackouts = await db.Blackouts.AsNoTracking().Where(b => b.Start < to && from < b.End).ToListAsync(cancellationToken);
        var result = new List<SlotSuggestion>();
        foreach (var candidate in shortlist)
        {
            List<(DateTimeOffset Start, DateTimeOffset End)> busy =
            [
                .. holds[candidate.Id].Select(h => (h.BlockedStart, h.BlockedEnd)),
                .. blackouts.Where(b => b.ResourceId == null || b.ResourceId == candidate.Id).Select(b => (b.Start, b.End)),
            ];
            if (IsFree(candidate, start, end, attendees, now, busy))
            {
                result.Add(new SlotSuggestion(candidate.Id, candidate.Name, start, end));
                if (result.Count == count)
                {
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Blocked ranges (holds with their buffers, blackouts) of one resource in a window.</summary>
    public static async Task<List<(DateTimeOffset Start, DateTimeOffset End)>> BusyRangesAsync(
        ResourcesDbContext db, Guid resourceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var holds = await db.Bookings.AsNoTracking()
            .Where(b => b.ResourceId == resourceId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved) && b.BlockedStart < to && from < b.BlockedEnd)
            .Select(b => new { b.BlockedStart, b.BlockedEnd })
            .ToListAsync(cancellationToken);
        var blackouts = await BlackoutsAsync(db, resourceId, from, to, cancellationToken);
        return [.. holds.Select(h => (h.BlockedStart, h.BlockedEnd)), .. blackouts.Select(b => (b.Start, b.End))];
    }

    /// <summary>Whether the slot passes the rules and its blocked range (buffers added) touches nothing busy.</summary>
    public static bool IsFree(Resource resource, DateTimeOffset start, DateTimeOffset end, int? attendees, DateTimeOffset now, List<(DateTimeOffset Start, DateTimeOffset End)> busy)
    {
        try
        {
            resource.EnsureBookable(start, end, attendees, now);
        }
        catch (BusinessRuleException)
        {
            return false;
        }

        var blockedStart = start - resource.Rules.BufferBefore;
        var blockedEnd = end + resource.Rules.BufferAfter;
        return !busy.Any(b => b.Start < blockedEnd && blockedStart < b.End);
    }
}
