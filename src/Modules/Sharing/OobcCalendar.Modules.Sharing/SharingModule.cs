using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Modules.Sharing.Persistence;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Jobs;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing;

/// <summary>Registers the Sharing module: read-only links and ICS subscription feeds of a calendar scope.</summary>
public static class SharingModule
{
    /// <summary>Adds the module's persistence, handlers' validators, events, jobs, pages, endpoints and navigation.</summary>
    public static IServiceCollection AddSharingModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<SharingDbContext>(SharingDbContext.SchemaName);
        services.AddSingleton<IValidator<CreateShareLink>, CreateShareLinkValidator>();
        services.AddSingleton<IValidator<SetMaxShareExpiry>, SetMaxShareExpiryValidator>();
        services.AddIntegrationEvent<ShareExpiredIntegrationEvent>();
        services.AddIntegrationEvent<ShareExpiringIntegrationEvent>();
        services.AddRecurringJob<Features.Jobs.ShareExpiryJob>(Features.Jobs.ShareExpiryJob.Name, Features.Jobs.ShareExpiryJob.Cron, OfficeTime.Zone(OfficeTime.DefaultTimeZoneId));
        services.AddSingleton<Features.Feeds.ShareFeedCache>();
        services.AddSingleton<Features.Feeds.ShareLinkCache>();
        services.AddSingleton<Features.Feeds.ShareViewCounter>();
        services.AddHostedService(s => s.GetRequiredService<Features.Feeds.ShareViewCounter>());
        services.AddSingleton<Features.Pins.SharePinAttempts>();
        services.AddScoped<Features.Feeds.ShareCalendarComposer>();
        services.AddSingleton(new ModuleDefinition(SharingModuleContract.Name, typeof(SharingModule).Assembly, Navigation)
        {
            MapEndpoints = SharingEndpoints.Map,
        });
        return services;
    }

    private static IReadOnlyList<NavItem> Navigation =>
    [
        new("Share my calendar", "/sharing", Icons.Material.Outlined.Share, "Calendar", Roles.OfficeMemberRoles, 60),
        new("Share links", "/sharing/admin", Icons.Material.Outlined.Link, "Admin", [Roles.Admin], 40),
    ];
}
