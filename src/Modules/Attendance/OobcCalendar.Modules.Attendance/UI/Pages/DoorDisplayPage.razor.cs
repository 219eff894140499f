using Mediator;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Modules.Attendance.Features.Door;
using OobcCalendar.Modules.Attendance.Features.Tickets;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Attendance.UI.Pages;

/// <summary>
/// Full-screen door QR for self check-in: the self check-in page's address with the current door code, redrawn when
/// the code turns (ADR 0025). For a desk, the organizer or Admin (the handler checks).
/// </summary>
public partial class DoorDisplayPage
{
    private readonly CancellationTokenSource stop = new();
    private DoorCode? door;
    private string? error;
    private string? url;
    private string? qrDataUri;

    [Parameter] public Guid ListId { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (RendererInfo.IsInteractive)
        {
            _ = TurnAsync();
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task LoadAsync()
    {
        try
        {
            door = await Mediator.Send(new GetDoorCode(ListId));
            url = $"{Navigation.BaseUri}attendance/checkin/{ListId}?code={Uri.EscapeDataString(door.Code)}";
            qrDataUri = "data:image/png;base64," + Convert.ToBase64String(TicketIssuer.QrPng(url, 12));
            error = null;
        }
        catch (UserFacingException ex)
        {
            error = ex.Message;
        }
    }

    /// <summary>Redraws the code a moment after it turns, until the page closes.</summary>
    private async Task TurnAsync()
    {
        try
        {
            while (door is not null && !stop.IsCancellationRequested)
            {
                var wait = door.NextChangeAt - Clock.GetUtcNow() + TimeSpan.FromSeconds(1);
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1), Clock, stop.Token);
                await InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }
}
