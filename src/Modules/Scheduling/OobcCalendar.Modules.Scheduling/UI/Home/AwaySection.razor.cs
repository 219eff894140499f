using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Features.BusyIntervals;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Modules;

namespace OobcCalendar.Modules.Scheduling.UI.Home;

/// <summary>
/// "You are away" on Home (<see cref="GetMyAwayClashes"/>, docs/adr/0024): re-reads when my events change or the busy
/// read model takes in leave or a booking (after it committed, so the new row is there). The whole card is hidden
/// while there is nothing to flag.
/// </summary>
public sealed partial class AwaySection
{
    private IReadOnlyList<AwayClash>? clashes;

    [CascadingParameter] private HomeCard? Card { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<AwaySection> Logger { get; set; } = default!;

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics { get; } = [SchedulingTopics.Events, SchedulingTopics.Busy];

    /// <summary>The day view of the combined calendar on <paramref name="day"/>.</summary>
    internal static string DayLink(DateOnly day) => $"/calendar?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&view=day";

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        // Hidden until there is something to say: no empty frame flashes while it loads.
        Card?.SetHidden(true);
        await RefreshAsync();
    }

    /// <inheritdoc />
    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        await Snackbar.TryAsync(async () => clashes = await Mediator.Send(new GetMyAwayClashes()), null, Logger);
        Card?.SetHidden(clashes is not { Count: > 0 });
    }
}
