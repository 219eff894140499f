using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Resources.Domain.Resources;

/// <summary>A room, vehicle or piece of equipment people book.</summary>
internal sealed class Resource
{
    private Resource()
    {
    }

    public Guid Id { get; private set; }

    public ResourceKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Location { get; private set; }

    /// <summary>Seats (rooms, vehicles); null where it does not apply.</summary>
    public int? Capacity { get; private set; }

    /// <summary>Free-text features people filter by: "Projector", "Video conference", "4x4".</summary>
    public List<string> Features { get; private set; } = [];

    /// <summary>
    /// What tells this one apart from its twins: a vehicle's plate, an asset tag. Kept out of
    /// <see cref="Features"/> because no one filters by it, and a filter of plates is noise.
    /// </summary>
    public string? Identifier { get; private set; }

    public string? Description { get; private set; }

    public bool IsActive { get; private set; } = true;

    public bool RequiresApproval { get; private set; }

    /// <summary>Managers who decide requests; empty means any Manager.</summary>
    public List<Guid> ApproverIds { get; private set; } = [];

    public string TimeZoneId { get; private set; } = Shared.Users.OfficeTime.DefaultTimeZoneId;

    public BookingRules Rules { get; private set; } = new();

    public DateTimeOffset CreatedAt { get; private set; }

    public static Resource Create(Guid id, ResourceDetails details, DateTimeOffset now)
    {
        var resource = new Resource { Id = id, CreatedAt = now.ToUniversalTime() };
        resource.Update(details);
        return resource;
    }

    public void Update(ResourceDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Kind = details.Kind;
        Name = details.Name.Trim();
        Location = string.IsNullOrWhiteSpace(details.Location) ? null : details.Location.Trim();
        Capacity = details.Capacity;
        Identifier = string.IsNullOrWhiteSpace(details.Identifier) ? null : details.Identifier.Trim();
        Features = details.Features.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        RequiresApproval = details.RequiresApproval;
        ApproverIds = details.ApproverIds.Distinct().ToList();
        TimeZoneId = details.TimeZoneId;
        // A copy: EF tracks an owned value per owner, so two resources must never share one instance.
        Rules = details.Rules with { };
    }

    public void SetActive(bool active) => IsActive = active;

    /// <summary>Whether <paramref name="userId"/> (holding Manager or Admin as told) may decide this resource's requests.</summary>
    public bool CanBeApprovedBy(Guid userId, bool isManager, bool isAdmin) =>
        isAdmin || (isManager && (ApproverIds.Count == 0 || ApproverIds.Contains(userId)));

    /// <summary>
    /// Checks a requested slot against this resource's rules. Throws <see cref="BusinessRuleException"/>
    /// naming the first rule broken, in words a requester understands.
    /// </summary>
    public void EnsureBookable(DateTimeOffset start, DateTimeOffset end, int? attendees, DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new BusinessRuleException($"{Name} is not available for booking any more.");
        }

        if (end <= start)
        {
            throw new BusinessRuleException("The end must be after the start.");
        }

        if (end - start > TimeSpan.FromMinutes(Rules.MaximumDurationMinutes))
        {
            throw new BusinessRuleException($"{Name} can be booked for at most {Durations.Describe(Rules.MaximumDurationMinutes)} at a time.");
        }

        if (start < now + TimeSpan.FromMinutes(Rules.MinimumNoticeMinutes))
        {
            throw new BusinessRuleException($"{Name} needs at least {Durations.Describe(Rules.MinimumNoticeMinutes)} notice.");
        }

        if (start > now + TimeSpan.FromDays(Rules.MaximumAdvanceDays))
        {
            throw new BusinessRuleException($"{Name} can be booked at most {Rules.MaximumAdvanceDays} days ahead.");
        }

        if (attendees is { } count && Capacity is { } capacity && count > capacity)
        {
            throw new BusinessRuleException($"{Name} holds {capacity} people; {count} are expected.");
        }

        EnsureWithinHours(start, end);
    }

    private void EnsureWithinHours(DateTimeOffset start, DateTimeOffset end)
    {
        var zone = Shared.Users.OfficeTime.Zone(TimeZoneId);
        var localStart = WallClock.ToLocal(start, zone);
        var localEnd = WallClock.ToLocal(end, zone);
        for (var day = DateOnly.FromDateTime(localStart); day <= DateOnly.FromDateTime(localEnd.AddTicks(-1)); day = day.AddDays(1))
        {
            if (!Rules.IsBookableDay(day.DayOfWeek))
            {
                throw new BusinessRuleException($"{Name} cannot be booked on {day.DayOfWeek}s.");
            }
        }

        if (Rules.IsAllDay)
        {
            return;
        }

        var sameDay = DateOnly.FromDateTime(localStart) == DateOnly.FromDateTime(localEnd.AddTicks(-1));
        var opens = TimeOnly.FromDateTime(localStart) >= Rules.OpensAt;
        var closes = localEnd.TimeOfDay == TimeSpan.Zero ? Rules.ClosesAt == TimeOnly.MinValue : TimeOnly.FromDateTime(localEnd) <= Rules.ClosesAt;
        if (!sameDay || !opens || !closes)
        {
            throw new BusinessRuleException($"{Name} can be booked between {TimeText.Time(Rules.OpensAt)} and {TimeText.Time(Rules.ClosesAt)} ({TimeZoneId}).");
        }
    }
}

/// <summary>Everything an Admin sets on a resource.</summary>
internal sealed record ResourceDetails(
    ResourceKind Kind,
    string Name,
    string? Location,
    int? Capacity,
    IReadOnlyList<string> Features,
    string? Description,
    bool RequiresApproval,
    IReadOnlyList<Guid> ApproverIds,
    string TimeZoneId,
    BookingRules Rules,
    string? Identifier = null);

/// <summary>Durations in words for rule messages.</summary>
internal static class Durations
{
    public static string Describe(int minutes) => minutes switch
    {
        < 60 => $"{minutes} minutes",
        _ when minutes % 1440 == 0 => minutes == 1440 ? "1 day" : $"{minutes / 1440} days",
        _ when minutes % 60 == 0 => minutes == 60 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };
}
