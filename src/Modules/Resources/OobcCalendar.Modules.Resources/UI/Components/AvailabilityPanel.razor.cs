using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.UI.Components;

/// <summary>
/// Live availability for the booking form. Parameters are primitives (the module's types stay internal);
/// the check runs ~300 ms after the last change, and again whenever a booking or resource changes anywhere.
/// </summary>
public partial class AvailabilityPanel
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private CancellationTokenSource? pending;
    private (Guid, DateTimeOffset?, DateTimeOffset?, int?) checkedKey;
    private AvailabilityAnswer? answer;
    private string? problem;
    private bool checking;

    [Parameter, EditorRequired] public Guid ResourceId { get; set; }

    [Parameter] public DateTimeOffset? Start { get; set; }

    [Parameter] public DateTimeOffset? End { get; set; }

    [Parameter] public int? ExpectedAttendees { get; set; }

    /// <summary>The reader's zone: times are shown in it.</summary>
    [Parameter] public string? TimeZoneId { get; set; }

    /// <summary>The user chose a suggested time on the same resource.</summary>
    [Parameter] public EventCallback<(DateTimeOffset Start, DateTimeOffset End)> OnUseTime { get; set; }

    /// <summary>The user chose a suggested resource at the same time.</summary>
    [Parameter] public EventCallback<Guid> OnUseResource { get; set; }

    /// <summary>Whether the slot is free (null while unknown), for a compact status elsewhere on the page.</summary>
    [Parameter] public EventCallback<bool?> OnStatusChanged { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ILogger<AvailabilityPanel> Logger { get; set; } = default!;

    protected override IReadOnlyCollection<string> LiveTopics => [ResourcesTopics.Bookings, ResourcesTopics.Resources];

    private TimeZoneInfo Zone => OfficeTime.Zone(TimeZoneId);

    protected override void OnParametersSet()
    {
        var key = (ResourceId, Start, End, ExpectedAttendees);
        if (key != checkedKey)
        {
            checkedKey = key;
            Schedule(Debounce);
        }
    }

    protected override Task OnLiveUpdateAsync(LiveUpdate update)
    {
        Schedule(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <summary>Shows an answer the server gave elsewhere (a refused request carries one).</summary>
    internal async Task ShowAsync(AvailabilityAnswer refused)
    {
        pending?.Cancel();
        (answer, problem, checking) = (refused, null, false);
        await OnStatusChanged.InvokeAsync(refused.IsFree);
        StateHasChanged();
    }

    private void Schedule(TimeSpan delay)
    {
        pending?.Cancel();
        pending?.Dispose();
        pending = null;
        if (Start is null || End is null || !RendererInfo.IsInteractive)
        {
            var hadAnswer = answer is not null;
            (answer, checking) = (null, false);
            if (hadAnswer)
            {
                _ = OnStatusChanged.InvokeAsync(null);
            }

            return;
        }

        pending = new CancellationTokenSource();
        checking = true;
        _ = CheckAsync(ResourceId, Start.Value, End.Value, ExpectedAttendees, delay, pending.Token);
    }

    private async Task CheckAsync(Guid resourceId, DateTimeOffset start, DateTimeOffset end, int? attendees, TimeSpan delay, CancellationToken cancellationToken)
    {
        // The panel must never take the page down: every failure becomes its problem line.
        AvailabilityAnswer? result = null;
        var outcome = await Submit.QuietlyAsync(
            async () =>
            {
                await Task.Delay(delay, cancellationToken);
                result = await Mediator.Send(new CheckAvailability(resourceId, start, end, attendees), cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
            },
            Logger,
            cancellationToken);
        if (outcome.Outcome == SubmitOutcome.Cancelled)
        {
            // A newer check replaced this one.
            return;
        }

        (answer, problem, checking) = (outcome.Succeeded ? result : null, outcome.Message, false);

        await InvokeAsync(async () =>
        {
            await OnStatusChanged.InvokeAsync(answer?.IsFree);
            StateHasChanged();
        });
    }

    private static Color ConflictColor(string kind) => kind switch
    {
        "pending" => Color.Warning,
        "booked" => Color.Error,
        _ => Color.Default,
    };

    private static string ConflictLabel(string kind) => kind switch
    {
        "pending" => "Pending",
        "booked" => "Booked",
        _ => "Blocked",
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pending?.Cancel();
            pending?.Dispose();
        }

        base.Dispose(disposing);
    }
}
