using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OobcCalendar.Modules.Attendance.Features.Tickets;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.UI.Pages;

/// <summary>
/// A printable A4 sheet of tickets for everyone expected (eight to a page), each also downloadable as PNG. Opening it
/// issues new tokens (only hashes are stored, ADR 0025); earlier tickets stay valid.
/// </summary>
public partial class TicketSheetPage
{
    private TicketSheet? sheet;
    private string? error;

    [Parameter] public Guid ListId { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private IJSRuntime Js { get; set; } = default!;

    private string When => sheet is null ? "" : TimeText.Range(sheet.StartUtc, sheet.EndUtc, Zone);

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.TimeZoneId);

    protected override async Task OnInitializedAsync()
    {
        // Issuing writes ticket rows: only once the circuit runs, not again for the prerendered copy.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            sheet = await Mediator.Send(new IssueAllTickets(ListId));
        }
        catch (UserFacingException ex)
        {
            error = ex.Message;
        }
    }

    private static string Slug(string name) => string.Concat(name.Where(char.IsLetterOrDigit).Take(40)).ToLowerInvariant();

    private async Task PrintAsync() => await Js.InvokeVoidAsync("print");
}
