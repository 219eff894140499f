using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.UI.Components;

/// <summary>What the user does with one occurrence of a recurring request.</summary>
internal enum SeriesDecision
{
    Keep,
    OtherTime,
    OtherResource,
    Skip,
}

/// <summary>
/// Checks a recurring request (CheckBookingSeries) and lets the user settle each conflict. The page reads
/// <see cref="Kept"/> to book; inputs changing after a check mark the result stale.
/// </summary>
public partial class SeriesPlanner
{
    private List<Row>? rows;
    private (Guid, DateTimeOffset?, DateTimeOffset?, string?, int?) checkedKey;
    private bool checking;
    private bool stale;

    [Parameter, EditorRequired] public Guid ResourceId { get; set; }

    [Parameter] public DateTimeOffset? Start { get; set; }

    [Parameter] public DateTimeOffset? End { get; set; }

    /// <summary>The RRULE value.</summary>
    [Parameter] public string? Rule { get; set; }

    [Parameter] public int? ExpectedAttendees { get; set; }

    [Parameter] public string? TimeZoneId { get; set; }

    /// <summary>The server's message about the rule itself (null when it is fine), for the page to show under the editor.</summary>
    [Parameter] public EventCallback<string?> OnRecurrenceError { get; set; }

    /// <summary>The check ran or a decision changed: the page's "Book N occurrences" button follows.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<SeriesPlanner> Logger { get; set; } = default!;

    /// <summary>Whether an up-to-date check is on screen.</summary>
    public bool IsChecked => rows is not null && !stale && !checking;

    /// <summary>How many occurrences would be booked.</summary>
    public int KeptCount => IsChecked ? rows!.Count(r => r.Decision != SeriesDecision.Skip) : 0;

    private TimeZoneInfo Zone => OfficeTime.Zone(TimeZoneId);

    private (Guid, DateTimeOffset?, DateTimeOffset?, string?, int?) Key => (ResourceId, Start, End, Rule, ExpectedAttendees);

    /// <summary>The occurrences to book, each with the user's choice applied.</summary>
    internal IReadOnlyList<SeriesChoice> Kept() => !IsChecked ? [] : rows!
        .Where(r => r.Decision != SeriesDecision.Skip)
        .Select(r => r.Decision switch
        {
            SeriesDecision.OtherTime when r.Occurrence.OtherTime is { } t => new SeriesChoice(t.ResourceId, t.Start, t.End),
            SeriesDecision.OtherResource when r.Occurrence.OtherResource is { } o => new SeriesChoice(o.ResourceId, o.Start, o.End),
            _ => new SeriesChoice(ResourceId, r.Occurrence.Start, r.Occurrence.End),
        })
        .ToList();

    protected override void OnParametersSet()
    {
        stale = rows is not null && Key != checkedKey;
    }

    /// <summary>Runs the check (also called by the page when the user books before checking).</summary>
    public async Task CheckAsync()
    {
        if (Start is null || End is null || string.IsNullOrWhiteSpace(Rule))
        {
            return;
        }

        checking = true;
        checkedKey = Key;
        var outcome = await Submit.QuietlyAsync(
            async () =>
            {
                var occurrences = await Mediator.Send(new CheckBookingSeries(ResourceId, Start.Value, End.Value, Rule, ExpectedAttendees));
                rows = occurrences.Select(o => new Row(o) { Decision = o.IsFree ? SeriesDecision.Keep : SeriesDecision.Skip }).ToList();
                stale = false;
                await OnRecurrenceError.InvokeAsync(null);
            },
            Logger);
        if (!outcome.Succeeded)
        {
            rows = null;
            if (outcome.FieldErrors.TryGetValue("Recurrence", out var messages))
            {
                // The rule's message goes under the recurrence editor, not in a snackbar.
                await OnRecurrenceError.InvokeAsync(string.Join(" ", messages));
            }
            else
            {
                Snackbar.Add(outcome.Message!, Severity.Error);
            }
        }

        checking = false;

        await OnChanged.InvokeAsync();
    }

    private async Task Decide(Row row, SeriesDecision decision)
    {
        // Clicking the chosen chip again clears the choice: that means skip.
        row.Decision = decision == SeriesDecision.Keep ? SeriesDecision.Skip : decision;
        await OnChanged.InvokeAsync();
    }

    private static string RowClass(Row row) => row.Occurrence.IsFree
        ? "oobc-series-row"
        : row.Decision == SeriesDecision.Skip ? "oobc-series-row oobc-series-skipped" : "oobc-series-row oobc-series-moved";

    private sealed class Row(SeriesOccurrence occurrence)
    {
        public SeriesOccurrence Occurrence { get; } = occurrence;

        public SeriesDecision Decision { get; set; }
    }
}
