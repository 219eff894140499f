using Mediator;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Resources.UI.Pages;

/// <summary>The resource directory: search and filter, then book.</summary>
public partial class ResourceDirectoryPage
{
    private IReadOnlyList<ResourceItem>? resources;
    private IReadOnlyList<string> features = [];
    private IReadOnlyCollection<string> selectedFeatures = [];
    private string? search;
    private ResourceKind? kind;
    private int? minimumCapacity;

    [Inject] private IMediator Mediator { get; set; } = default!;

    protected override IReadOnlyCollection<string> LiveTopics => [ResourcesTopics.Resources];

    private bool HasFilters => !string.IsNullOrWhiteSpace(search) || kind is not null || minimumCapacity is not null || selectedFeatures.Count > 0;

    protected override async Task OnInitializedAsync()
    {
        features = await Mediator.Send(new ListResourceFeatures());
        await LoadAsync();
    }

    protected override async Task OnLiveUpdateAsync(LiveUpdate update)
    {
        features = await Mediator.Send(new ListResourceFeatures());
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        resources = await Mediator.Send(new ListResources(search, kind, minimumCapacity, selectedFeatures.ToList(), IncludeInactive: false));

    private Task OnSearchAsync(string? value)
    {
        search = value;
        return LoadAsync();
    }

    private Task OnKindAsync(ResourceKind? value)
    {
        kind = value;
        return LoadAsync();
    }

    private Task OnCapacityAsync(int? value)
    {
        minimumCapacity = value;
        return LoadAsync();
    }

    private Task OnFeaturesAsync(IReadOnlyCollection<string>? value)
    {
        selectedFeatures = value ?? [];
        return LoadAsync();
    }

    private Task ClearFiltersAsync()
    {
        (search, kind, minimumCapacity, selectedFeatures) = (null, null, null, []);
        return LoadAsync();
    }
}
