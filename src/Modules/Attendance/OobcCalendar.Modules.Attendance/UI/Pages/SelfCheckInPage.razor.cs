using Mediator;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Door;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.UI.Pages;

/// <summary>
/// Where the door QR leads: a signed-in person is checked in at once and told so; a guest gets a short form when walk-ins
/// are allowed. The code is checked by the handlers (rotated, forged and other events' codes are refused).
/// </summary>
public partial class SelfCheckInPage
{
    private DoorPageInfo? info;
    private CheckInResult? result;
    private string? error;
    private bool guestForm;
    private string? name;
    private string? organisation;
    private string? contact;

    [Parameter] public Guid ListId { get; set; }

    [SupplyParameterFromQuery(Name = "code")] public string? Code { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string When => info is null ? "" : TimeText.Range(info.StartUtc, info.EndUtc, Zone);

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.IsAuthenticated ? CurrentUser.TimeZoneId : info?.TimeZoneId);

    private string SignInHref => "/account/login?returnUrl=" + Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri));

    protected override async Task OnInitializedAsync()
    {
        try
        {
            info = await Mediator.Send(new GetDoorPage(ListId));
        }
        catch (UserFacingException ex)
        {
            error = ex.Message;
            return;
        }

        // Checking in changes state: only once the circuit runs, not during prerendering (which a link preview may trigger).
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        if (CurrentUser.IsAuthenticated)
        {
            await RunAsync(async () => await Mediator.Send(new CheckInAtDoor(ListId, Code ?? "")));
        }
        else if (info.WalkInsAllowed)
        {
            guestForm = true;
        }
        else
        {
            error = "This event is for invited people: sign in to check in, or see the check-in desk.";
        }
    }

    private Task RegisterGuestAsync() => RunAsync(async () => await Mediator.Send(new RegisterGuestAtDoor(ListId, Code ?? "", name ?? "", organisation ?? "", contact)));

    private async Task RunAsync(Func<Task<CheckInResult>> action)
    {
        try
        {
            result = await action();
            error = null;
        }
        catch (UserFacingException ex)
        {
            error = ex.Message;
        }
    }
}
