using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.UI.Events;

/// <summary>
/// Details of an event (or one occurrence). Participants answer here; the organizer sees who answered what and
/// closes the dialog with <see cref="EditAction"/> or <see cref="CancelAction"/> for <see cref="EventActions"/> to carry on.
/// </summary>
public sealed partial class EventDetailsDialog : ComponentBase
{
    internal const string EditAction = "edit";
    internal const string CancelAction = "cancel";
    internal const string RespondedAction = "responded";

    private EventDetails? details;
    private bool responding;
    private bool responded;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter] public Guid EventId { get; set; }

    /// <summary>Original start (UTC) of the occurrence clicked, for a series.</summary>
    [Parameter] public DateTimeOffset? RecurrenceId { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<EventDetailsDialog> Logger { get; set; } = default!;

    [Inject] private EventActions Actions { get; set; } = default!;

    private string ParticipantsHeading => details is null ? string.Empty
        : details.CanEdit ? $"Invited ({details.Participants.Count(p => p.Response == ParticipantResponse.Accepted)} of {details.Participants.Count} accepted)"
        : $"Invited ({details.Participants.Count})";

    protected override async Task OnInitializedAsync()
    {
        if (!await Snackbar.TryAsync(async () => details = await Mediator.Send(new GetEventDetails(EventId, RecurrenceId)), null, Logger))
        {
            Dialog.Cancel();
            return;
        }

        // The title bar belongs to the dialog instance, which does not re-render with this component's content.
        Dialog.StateHasChanged();
    }

    private async Task RespondAsync(ParticipantResponse? response)
    {
        if (response is not { } answer || details is null)
        {
            return;
        }

        // One occurrence of a series: this one, or every one (which replaces answers given to single ones).
        DateTimeOffset? occurrence = null;
        if (details is { IsRecurring: true, RecurrenceId: { } rid })
        {
            var scope = await Actions.AskScopeAsync("Answer for a repeating event", "Answer", allowOccurrence: true, destructive: false, allowFollowing: false);
            if (scope is null)
            {
                return;
            }

            occurrence = scope == EditScope.Occurrence ? rid : null;
        }

        responding = true;
        var ok = await Snackbar.TryAsync(() => Mediator.Send(new RespondToEvent(EventId, answer, occurrence)).AsTask(), $"Answer saved: {EventText.Response(answer)}.", Logger);
        responding = false;
        if (ok)
        {
            responded = true;
            details = details with
            {
                MyResponse = answer,
                Participants = details.Participants.Select(p => p.UserId == CurrentUser.Id ? p with { Response = answer } : p).ToList(),
            };
        }
    }

    private void Close()
    {
        if (responded)
        {
            Dialog.Close(DialogResult.Ok(RespondedAction));
        }
        else
        {
            Dialog.Cancel();
        }
    }

    private static string ResponseIcon(ParticipantResponse response) => response switch
    {
        ParticipantResponse.Accepted => Icons.Material.Filled.CheckCircle,
        ParticipantResponse.Tentative => Icons.Material.Outlined.HelpOutline,
        ParticipantResponse.Declined => Icons.Material.Filled.Cancel,
        _ => Icons.Material.Outlined.RadioButtonUnchecked,
    };

    private static Color ResponseColour(ParticipantResponse response) => response switch
    {
        ParticipantResponse.Accepted => Color.Success,
        ParticipantResponse.Tentative => Color.Warning,
        ParticipantResponse.Declined => Color.Error,
        _ => Color.Default,
    };
}
