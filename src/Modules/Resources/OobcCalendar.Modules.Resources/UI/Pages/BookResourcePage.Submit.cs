using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.UI.Components;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Resources.UI.Pages;

/// <summary>Sending the request (one booking or a series) and showing what came back.</summary>
public partial class BookResourcePage
{
    private async Task SubmitAsync()
    {
        Touch();
        if (Start is not { } start || End is not { } end)
        {
            formProblem = "Choose the date, start and end.";
            return;
        }

        if (string.IsNullOrWhiteSpace(purpose))
        {
            errors = new Dictionary<string, string[]> { ["Purpose"] = ["Say what the booking is for."] };
            return;
        }

        if (repeat && planner is not null && !planner.IsChecked)
        {
            // Booking a series means deciding about each conflict first: show them.
            await planner.CheckAsync();
            formProblem = planner.IsChecked ? "Review the occurrences below, then book them." : null;
            return;
        }

        submitting = true;
        var outcome = await Submit.QuietlyAsync(
            async () =>
            {
                var attendeeIds = people.Select(p => p.Id).ToList();
                string message;
                if (repeat && planner is not null)
                {
                    var receipts = await Mediator.Send(new RequestBookingSeries(purpose, attendees, planner.Kept(), attendeeIds));
                    var waiting = receipts.Count(r => r.Status == "Pending");
                    message = waiting == 0
                        ? $"Booked {receipts.Count} occurrences, starting {TimeText.Range(start, end, Zone)}."
                        : $"Sent {receipts.Count} occurrences for approval, starting {TimeText.Range(start, end, Zone)}.";
                }
                else
                {
                    var receipt = await Mediator.Send(new RequestBooking(ResourceId, start, end, purpose, attendees, attendeeIds));
                    message = $"{(receipt.Status == "Pending" ? "Sent for approval" : "Booked")}: {resource!.Name}, {TimeText.Range(start, end, Zone)}.";
                }

                Snackbar.Add(message, Severity.Success);
                Navigation.NavigateTo("/resources/bookings");
            },
            Logger);
        submitting = false;
        if (outcome.Error is SlotTakenException taken)
        {
            // Shown beside the button, with the suggestions in the panel: no snackbar over the form.
            formProblem = taken.Message;
            if (panel is not null)
            {
                await panel.ShowAsync(taken.Answer);
            }
        }
        else if (outcome.Outcome == SubmitOutcome.Invalid)
        {
            // Field errors go under their fields; the rule's under the editor; the rest above the button.
            errors = outcome.FieldErrors;
            recurrenceError = outcome.FieldErrors.TryGetValue("Recurrence", out var rules) ? string.Join(" ", rules) : recurrenceError;
            var known = new[] { "Purpose", "End", "ExpectedAttendees", "Recurrence" };
            var rest = outcome.FieldErrors.Where(e => !known.Contains(e.Key)).SelectMany(e => e.Value).ToList();
            formProblem = rest.Count > 0 ? string.Join(" ", rest) : null;
        }
        else if (outcome.Outcome == SubmitOutcome.Failed)
        {
            Snackbar.Add(outcome.Message!, Severity.Error);
        }
        else if (!outcome.Succeeded)
        {
            formProblem = outcome.Message;
        }
    }
}
