using OobcCalendar.Modules.Resources.Domain.Resources;

namespace OobcCalendar.Modules.Resources.Features.Resources;

/// <summary>A resource as pages show and edit it.</summary>
internal sealed record ResourceItem(
    Guid Id,
    ResourceKind Kind,
    string Name,
    string? Location,
    int? Capacity,
    IReadOnlyList<string> Features,
    string? Description,
    bool IsActive,
    bool RequiresApproval,
    IReadOnlyList<Guid> ApproverIds,
    string TimeZoneId,
    BookingRules Rules,
    string? Identifier = null)
{
    public static ResourceItem From(Resource r) =>
        new(r.Id, r.Kind, r.Name, r.Location, r.Capacity, r.Features, r.Description, r.IsActive, r.RequiresApproval, r.ApproverIds, r.TimeZoneId, r.Rules, r.Identifier);
}
