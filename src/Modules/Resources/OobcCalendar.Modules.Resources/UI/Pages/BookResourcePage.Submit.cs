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
        try
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
        }
        catch (SlotTakenException ex)
        {
            // Shown beside the button, with the suggestions in the panel: no snackbar over the form.
            formProblem = ex.Message;
            if (panel is not null)
            {
                await panel.ShowAsync(ex.Answer);
            }
        }
        catch (InputValidationException ex)
        {
            // Field errors go under their fields; the rule's under the editor; the rest above the button.
            errors = ex.Errors;
            recurrenceError = ex.Errors.TryGetValue("Recurrence", out var rules) ? string.Join(" ", rules) : recurrenceError;
            var known = new[] { "Purpose", "End", "ExpectedAttendees", "Recurrence" };
            var rest = ex.Errors.Where(e => !known.Contains(e.Key)).SelectMany(e => e.Value).ToList();
            formProblem = rest.Count > 0 ? string.Join(" ", rest) : null;
        }
        catch (UserFacingException ex)
        {
            formProblem = ex.Message;
        }
#pragma warning disable CA1031 // The user gets an apology, the log gets the exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Logger.LogError(ex, "Requesting a booking failed");
            Snackbar.Add(UserMessages.Unexpected, Severity.Error);
        }
        finally
        {
            submitting = false;
        }
    }
}
