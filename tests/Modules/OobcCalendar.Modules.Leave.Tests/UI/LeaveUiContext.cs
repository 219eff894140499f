using Bunit;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Leave.Tests.UI;

/// <summary>
/// bUnit with MudBlazor, a signed-in staff member (or Admin), the clock on Wednesday 3 March 2027 in Manila, a fake
/// mediator and an in-memory live bus. MudBlazor disposes asynchronously and xunit 2 synchronously: dispose async first.
/// </summary>
public abstract class LeaveUiContext : BunitContext, IAsyncLifetime
{
    protected LeaveUiContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<ICurrentUser>(User);
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2027, 3, 3, 9, 0, 0, TimeSpan.FromHours(8))));
        Services.AddSingleton<ILiveUpdates>(Live);
        (var mediator, Mediator) = FakeMediator.Create();
        Services.AddSingleton(mediator);

        // Live screens subscribe only when interactive; set last, as it reads the services.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected FakeMediator Mediator { get; }

    protected SignedIn User { get; } = new();

    protected LiveBus Live { get; } = new();

    protected IRenderedComponent<MudDialogProvider> DialogProvider() => Render<MudDialogProvider>();

    protected async Task<IDialogReference> ShowAsync<TDialog>(IRenderedComponent<MudDialogProvider> provider, DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        return await provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("Test", parameters));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>The signed-in person; <see cref="Role"/> decides what they are.</summary>
    protected sealed class SignedIn : ICurrentUser
    {
        public string Role { get; set; } = Roles.Staff;

        public bool IsAuthenticated => true;

        public Guid Id { get; } = Guid.NewGuid();

        public string DisplayName => "Farida Mamalinta";

        public string TimeZoneId => "Asia/Manila";

        public bool IsInRole(string role) => role == Role || role == Roles.Staff;
    }

    /// <summary>The live bus without PostgreSQL: <see cref="PublishAsync"/> returns once subscribers have handled the notice.</summary>
    protected sealed class LiveBus : ILiveUpdates
    {
        private readonly List<(IReadOnlyCollection<string> Topics, Func<LiveUpdate, Task> Handler)> subscribers = [];

        public IDisposable Subscribe(IReadOnlyCollection<string> topics, Guid? userId, Func<LiveUpdate, Task> handler)
        {
            var entry = (topics, handler);
            subscribers.Add(entry);
            return new Unsubscribe(() => subscribers.Remove(entry));
        }

        public async Task PublishAsync(LiveUpdate update, CancellationToken cancellationToken)
        {
            foreach (var (_, handler) in subscribers.ToList().Where(s => s.Topics.Contains(update.Topic)))
            {
                await handler(update);
            }
        }

        private sealed class Unsubscribe(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}

/// <summary>Answers a command the way the mediator's validation step does: the module's real validator, its messages by field.</summary>
internal static class Validated
{
    public static object? By<T>(FluentValidation.IValidator<T> validator, T command, object? answer)
    {
        var result = validator.Validate(command);
        if (!result.IsValid)
        {
            throw new OobcCalendar.Shared.Errors.InputValidationException(
                result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }

        return answer;
    }
}
