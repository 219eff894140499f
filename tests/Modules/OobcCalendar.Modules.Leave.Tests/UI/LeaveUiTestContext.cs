using Bunit;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Leave.Tests.UI;

/// <summary>
/// bUnit with MudBlazor (popover and dialog providers rendered), a signed-in staff member, a fake mediator, an
/// in-memory live-update bus and a clock fixed on Monday 7 Dec 2026 in Manila. MudBlazor's services dispose
/// asynchronously and xunit 2 disposes synchronously: dispose asynchronously first.
/// </summary>
public abstract class LeaveUiTestContext : BunitContext, IAsyncLifetime
{
    protected static readonly Guid MeId = Guid.NewGuid();

    protected LeaveUiTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        var me = new TestCurrentUser { UserId = MeId };
        me.Roles.Add(Roles.Staff);
        Services.AddSingleton<ICurrentUser>(me);
        Services.AddSingleton<IUserDirectory>(new NoDirectory());
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8))));
        Services.AddSingleton(DocumentLimits.Default);
        Services.AddSingleton<ILiveUpdates>(Live);
        (var mediator, Mediator) = FakeMediator.Create();
        Services.AddSingleton(mediator);
        // An interactive circuit, so live pages subscribe as they do in the app.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
    }

    protected FakeMediator Mediator { get; }

    protected InMemoryLiveUpdates Live { get; } = new();

    protected IRenderedComponent<MudDialogProvider> Dialogs { get; }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private sealed class NoDirectory : IUserDirectory
    {
        public Task<DirectoryUser?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<DirectoryUser?>(null);

        public Task<IReadOnlyList<DirectoryUser>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DirectoryUser>>([]);

        public Task<IReadOnlyList<DirectoryUser>> SearchAsync(string text, int take, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DirectoryUser>>([]);

        public Task<IReadOnlyList<DirectoryUser>> InRoleAsync(string role, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DirectoryUser>>([]);
    }
}
