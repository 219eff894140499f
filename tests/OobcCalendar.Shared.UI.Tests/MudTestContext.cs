using Bunit;
using MudBlazor.Services;

namespace OobcCalendar.Shared.UI.Tests;

/// <summary>
/// A bUnit context with MudBlazor's services. MudBlazor registers services that only dispose
/// asynchronously, and xunit 2 disposes test classes synchronously: dispose asynchronously first.
/// </summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
