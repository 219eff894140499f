using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.UI.Components;

/// <summary>The form's state; turned into a <see cref="SaveResource"/> on save.</summary>
internal sealed class ResourceForm
{
    public ResourceKind Kind { get; set; } = ResourceKind.Room;

    public string Name { get; set; } = string.Empty;

    public string? Location { get; set; }

    public int? Capacity { get; set; }

    public string? Identifier { get; set; }

    public List<string> Features { get; } = [];

    public string? Description { get; set; }

    public bool RequiresApproval { get; set; }

    public IReadOnlyCollection<Guid> ApproverIds { get; set; } = [];

    public string TimeZoneId { get; set; } = OfficeTime.DefaultTimeZoneId;

    public bool AllDay { get; set; }

    public TimeSpan? OpensAt { get; set; } = new BookingRules().OpensAt.ToTimeSpan();

    public TimeSpan? ClosesAt { get; set; } = new BookingRules().ClosesAt.ToTimeSpan();

    public IEnumerable<DayOfWeek> Days { get; set; } = new BookingRules().BookableDays.ToList();

    public int BufferBeforeMinutes { get; set; }

    public int BufferAfterMinutes { get; set; }

    public int MinimumNoticeMinutes { get; set; } = new BookingRules().MinimumNoticeMinutes;

    public int MaximumAdvanceDays { get; set; } = new BookingRules().MaximumAdvanceDays;

    public int MaximumDurationMinutes { get; set; } = new BookingRules().MaximumDurationMinutes;

    public static ResourceForm From(ResourceItem r)
    {
        var model = new ResourceForm
        {
            Kind = r.Kind,
            Name = r.Name,
            Location = r.Location,
            Capacity = r.Capacity,
            Identifier = r.Identifier,
            Description = r.Description,
            RequiresApproval = r.RequiresApproval,
            ApproverIds = r.ApproverIds.ToHashSet(),
            TimeZoneId = r.TimeZoneId,
            AllDay = r.Rules.IsAllDay,
            OpensAt = r.Rules.IsAllDay ? new TimeSpan(7, 0, 0) : r.Rules.OpensAt.ToTimeSpan(),
            ClosesAt = r.Rules.IsAllDay ? new TimeSpan(19, 0, 0) : r.Rules.ClosesAt.ToTimeSpan(),
            Days = r.Rules.BookableDays.ToList(),
            BufferBeforeMinutes = r.Rules.BufferBeforeMinutes,
            BufferAfterMinutes = r.Rules.BufferAfterMinutes,
            MinimumNoticeMinutes = r.Rules.MinimumNoticeMinutes,
            MaximumAdvanceDays = r.Rules.MaximumAdvanceDays,
            MaximumDurationMinutes = r.Rules.MaximumDurationMinutes,
        };
        model.Features.AddRange(r.Features);
        return model;
    }

    public SaveResource ToCommand(Guid? id)
    {
        // All day is stored as 00:00–00:00 (BookingRules.IsAllDay).
        var opens = AllDay ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(OpensAt ?? TimeSpan.Zero);
        var closes = AllDay ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(ClosesAt ?? TimeSpan.Zero);
        var rules = new BookingRules
        {
            OpensAt = opens,
            ClosesAt = closes,
            Days = BookingRules.MaskOf(Days),
            BufferBeforeMinutes = BufferBeforeMinutes,
            BufferAfterMinutes = BufferAfterMinutes,
            MinimumNoticeMinutes = MinimumNoticeMinutes,
            MaximumAdvanceDays = MaximumAdvanceDays,
            MaximumDurationMinutes = MaximumDurationMinutes,
        };

        // Approvers only mean something when approval is on; dropping them keeps the validator's rule simple to satisfy.
        var approvers = RequiresApproval ? ApproverIds.ToList() : [];
        return new SaveResource(id, Kind, Name, Location, Capacity, Features.ToList(), Description, RequiresApproval, approvers, TimeZoneId ?? string.Empty, rules, Identifier);
    }
}
