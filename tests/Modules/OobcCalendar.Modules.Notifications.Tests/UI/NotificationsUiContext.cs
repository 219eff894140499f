using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using OobcCalendar.Modules.Notifications.Messages.Bookings;
using OobcCalendar.Modules.Notifications.Messages.Leave;
using OobcCalendar.Modules.Notifications.Messages.Rendering;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Notifications.Tests.UI;

/// <summary>
/// bUnit with MudBlazor, a signed-in staff member, a fake mediator, an in-memory live bus, two message types and the
/// clock on Monday 1 March 2027 in Manila. MudBlazor disposes asynchronously and xunit 2 synchronously: dispose async first.
/// </summary>
public abstract class NotificationsUiContext : BunitContext, IAsyncLifetime
{
    protected static readonly Guid MeId = Guid.NewGuid();

    protected NotificationsUiContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        var me = new TestCurrentUser { UserId = MeId };
        me.Roles.Add(Roles.Staff);
        Services.AddSingleton<ICurrentUser>(me);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<ILiveUpdates>(Live);
        Services.AddSingleton(new MessageTypes([new BookingRequestedMessage(), new LeaveRequestedMessage()]));
        (var mediator, Mediator) = FakeMediator.Create();
        Services.AddSingleton(mediator);
        // Live components subscribe only when interactive; set last, as it reads the services.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    protected FakeMediator Mediator { get; }

    /// <summary>The screens' clock: 08:00 Manila on 1 March 2027 until a test moves it.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)));

    protected InMemoryLiveUpdates Live { get; } = new();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
