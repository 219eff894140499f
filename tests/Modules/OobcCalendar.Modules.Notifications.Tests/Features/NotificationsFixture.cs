using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Delivery;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Domain.Preferences;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Notifications.Tests.Features;

/// <summary>
/// The real host with only Notifications on, on a fresh database, the clock frozen at <see cref="Now"/>, sending to a
/// real SMTP server process (python3-aiosmtpd) that tests read, stop and start. The sender polls every 100 ms; it
/// retries after <c>BaseRetryDelay</c> (30 s) of the frozen clock, so tests advance the clock to let retries come due.
/// </summary>
public class NotificationsFixture : ModuleFixture
{
    /// <summary>Monday 1 March 2027, 08:00 in Manila.</summary>
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public const int MaxAttempts = 4;

    public NotificationsFixture()
        : this(new SmtpServerFixture())
    {
    }

    protected NotificationsFixture(SmtpServerFixture smtp)
        : this(smtp, [NotificationsModuleContract.Name])
    {
    }

    /// <summary>With other modules on too (e.g. Scheduling, to create events as a user does).</summary>
    protected NotificationsFixture(SmtpServerFixture smtp, IReadOnlyCollection<string> modules)
        : base(new ModuleFixtureOptions("notifications", modules)
        {
            FrozenAt = Now,
            Identity = TestIdentity.TestUserOutsideRequests,
            Settings = new Dictionary<string, string?>
            {
                ["Notifications:Smtp:Host"] = smtp.Host,
                ["Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Notifications:Smtp:Timeout"] = "00:00:05",
                ["Notifications:PollInterval"] = "00:00:00.100",
                ["Notifications:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Notifications:BaseUrl"] = "https://calendar.test",
            },
        }) => Smtp = smtp;

    /// <summary>The SMTP server the host sends to.</summary>
    public SmtpServerFixture Smtp { get; }

    public DirectoryUser Admin => DemoUser("admin@oobc.gov.ph");

    public DirectoryUser Manager => DemoUser("manager.ops@oobc.gov.ph");

    public DirectoryUser StaffNo(int n) => DemoUser($"staff{n}@oobc.gov.ph");

    public override async Task InitializeAsync()
    {
        await Smtp.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>Delivers an integration event to this module's consumers, as the outbox dispatcher does (each through the inbox).</summary>
    public async Task DeliverAsync<TEvent>(TEvent integrationEvent)
        where TEvent : IIntegrationEvent
    {
        await using var scope = App.Services.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IIntegrationEventHandler<TEvent>>())
        {
            await handler.HandleAsync(integrationEvent, CancellationToken.None);
        }
    }

    /// <summary>A short unit of work on the module's database.</summary>
    internal async Task<T> DbAsync<T>(Func<NotificationsDbContext, Task<T>> use)
    {
        var factory = App.Services.GetRequiredService<IDbContextFactory<NotificationsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await use(db);
    }

    /// <summary>The e-mail rows for <paramref name="userId"/>, oldest first.</summary>
    internal Task<List<OutgoingMessage>> MessagesForAsync(Guid userId) =>
        DbAsync(db => db.OutgoingMessages.AsNoTracking().Where(m => m.RecipientUserId == userId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    /// <summary>Saves preferences for a person directly (the command has its own tests).</summary>
    internal Task SetPreferencesAsync(NotificationPreferences preferences) => DbAsync(async db =>
    {
        await db.Preferences.Where(p => p.UserId == preferences.UserId).ExecuteDeleteAsync();
        db.Preferences.Add(preferences);
        return await db.SaveChangesAsync();
    });

    /// <summary>Wakes the background sender now (it polls anyway; this saves waiting for the poll).</summary>
    public void WakeSender() => App.Services.GetRequiredService<OutgoingMessageSender>().Wake();
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFixture>
{
    public const string Name = "notifications";
}

/// <summary>A host of its own for the delivery drills: they stop the SMTP server and move the clock on by hours.</summary>
public sealed class DeliveryFixture() : NotificationsFixture(new SmtpServerFixture());

[CollectionDefinition(Name)]
public sealed class DeliveryCollection : ICollectionFixture<DeliveryFixture>
{
    public const string Name = "notifications-delivery";
}
