using Bunit;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.UI.Events;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.UI.Tests;

/// <summary>
/// bUnit with MudBlazor, a dialog provider to show dialogs in, the fake directory as the signed-in user and a fake
/// mediator. MudBlazor's services dispose asynchronously and xunit 2 disposes synchronously: dispose asynchronously first.
/// </summary>
public abstract class DialogTestContext : BunitContext, IAsyncLifetime
{
    protected DialogTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        var directory = new FakeDirectory();
        Services.AddSingleton<IUserDirectory>(directory);
        Services.AddSingleton<ICurrentUser>(directory);
        Services.AddSingleton(TimeProvider.System);
        (var mediator, Mediator) = FakeMediator.Create();
        Mediator.Answer<ListCategories>(_ => (IReadOnlyList<EventCategoryView>)[new EventCategoryView(Guid.NewGuid(), "Meeting", "#1565c0")]);
        Services.AddSingleton(mediator);
        Services.AddScoped<EventActions>();
        Services.AddSingleton<ILiveUpdates>(Live);
        Services.AddSingleton(_ => new ModuleCatalog(Modules));
        Provider = Render<MudDialogProvider>();
    }

    protected FakeMediator Mediator { get; }

    /// <summary>Modules the host "has" (for extension points such as the event details' extensions); none unless a test adds some before rendering.</summary>
    protected List<ModuleDefinition> Modules { get; } = [];

    /// <summary>The live-update bus components subscribe to (live components, e.g. Home cards).</summary>
    protected InMemoryLiveUpdates Live { get; } = new();

    protected IRenderedComponent<MudDialogProvider> Provider { get; }

    protected async Task<IDialogReference> ShowAsync<TDialog>(DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        return await Provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("Test", parameters));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
