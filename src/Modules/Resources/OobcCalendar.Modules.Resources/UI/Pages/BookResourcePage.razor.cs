using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Modules.Resources.UI.Components;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Resources.UI.Pages;

/// <summary>
/// The booking form: when (in the user's zone), what for, who comes; live availability beside it; optionally
/// a repeat rule whose occurrences are checked and settled one by one before booking them as a series.
/// </summary>
public partial class BookResourcePage
{
    private static readonly TimeSpan DefaultLength = TimeSpan.FromHours(1);
    private ResourceItem? resource;
    private string? notFound;
    private Guid loadedId;
    private DateTime? date;
    private DateTime? endDate;
    private TimeSpan? startTime;
    private TimeSpan? endTime;
    private bool multiDay;
    private string purpose = string.Empty;
    private int? attendees;
    private IReadOnlyList<DirectoryUser> people = [];
    private bool repeat;
    private string? rule;
    private string? recurrenceError;
    private string? formProblem;
    private bool? slotFree;
    private bool submitting;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private AvailabilityPanel? panel;
    private SeriesPlanner? planner;

    [Parameter] public Guid ResourceId { get; set; }

    /// <summary>Optional first instant (ISO 8601), e.g. from a click on the timeline.</summary>
    [SupplyParameterFromQuery(Name = "start")] public string? StartParameter { get; set; }

    [SupplyParameterFromQuery(Name = "end")] public string? EndParameter { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ILogger<BookResourcePage> Logger { get; set; } = default!;

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.TimeZoneId);

    private DateTime Today => WallClock.Today(Clock, Zone).ToDateTime(TimeOnly.MinValue);

    private DateOnly? FirstDate => date is { } d ? DateOnly.FromDateTime(d) : null;

    private DateTimeOffset? Start => FirstDate is { } d && startTime is { } t ? WallClock.ToUtc(d, t, Zone) : null;

    private DateTimeOffset? End => (multiDay && endDate is { } e ? DateOnly.FromDateTime(e) : FirstDate) is { } d && endTime is { } t
        ? WallClock.ToUtc(d, t, Zone)
        : null;

    private string Subtitle => resource is null ? string.Empty
        : string.Join(" · ", new[] { resource.Kind.ToString(), resource.Location, resource.Capacity is { } c ? $"{c} people" : null }.Where(p => p is not null));

    private string TimelineHref => FirstDate is { } d ? $"/resources/timeline?date={d:yyyy-MM-dd}" : "/resources/timeline";

    private string SubmitText => repeat
        ? planner?.IsChecked == true ? $"Book {planner.KeptCount} occurrence{(planner.KeptCount == 1 ? string.Empty : "s")}" : "Check and book"
        : resource?.RequiresApproval == true ? "Send request" : "Book";

    protected override async Task OnParametersSetAsync()
    {
        if (ResourceId != loadedId)
        {
            // Also runs when a suggestion switches resource: the form keeps what was typed.
            loadedId = ResourceId;
            await LoadResourceAsync();
        }

        ApplyQueryTimes();
    }

    private async Task LoadResourceAsync()
    {
        try
        {
            resource = await Mediator.Send(new GetResource(ResourceId));
            notFound = resource.IsActive ? null : $"{resource.Name} is no longer available for booking.";
            resource = resource.IsActive ? resource : null;
        }
        catch (NotFoundException ex)
        {
            (resource, notFound) = (null, ex.Message);
        }

        if (resource is not null && date is null && StartParameter is null)
        {
            SetDefaultSlot();
        }
    }

    private void OnRepeatChanged(bool value)
    {
        repeat = value;
        recurrenceError = null;
    }

    private void OnRuleChanged(string? value)
    {
        rule = value;
        recurrenceError = null;
    }

    private void Touch()
    {
        formProblem = null;
        errors = new Dictionary<string, string[]>();
    }

    private void UseResource(Guid id)
    {
        Touch();
        var query = Start is { } s && End is { } e ? $"?start={Iso(s)}&end={Iso(e)}" : string.Empty;
        Navigation.NavigateTo($"/resources/book/{id}{query}");
    }

    private static string Iso(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    private bool HasError(string field) => errors.ContainsKey(field);

    private string? ErrorFor(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
