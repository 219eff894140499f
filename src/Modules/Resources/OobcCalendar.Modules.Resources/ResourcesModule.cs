using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Features.Reports;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources;

/// <summary>Registers the Resources module: rooms, vehicles and equipment, bookings and approvals.</summary>
public static class ResourcesModule
{
    /// <summary>Adds the module's persistence, handlers' validators, events, pages, endpoints and navigation.</summary>
    public static IServiceCollection AddResourcesModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<ResourcesDbContext>(ResourcesDbContext.SchemaName);
        services.AddSingleton<IValidator<RequestBooking>, RequestBookingValidator>();
        services.AddSingleton<IValidator<DecideBookings>, DecideBookingsValidator>();
        services.AddSingleton<IValidator<RequestBookingSeries>, RequestBookingSeriesValidator>();
        services.AddSingleton<IValidator<CheckBookingSeries>, CheckBookingSeriesValidator>();
        services.AddSingleton<IValidator<SaveResource>, SaveResourceValidator>();
        services.AddSingleton<IValidator<AddBlackout>, AddBlackoutValidator>();
        services.AddIntegrationEvent<BookingRequestedIntegrationEvent>();
        services.AddIntegrationEvent<BookingApprovedIntegrationEvent>();
        services.AddIntegrationEvent<BookingRejectedIntegrationEvent>();
        services.AddIntegrationEvent<BookingCancelledIntegrationEvent>();
        services.AddSingleton<INavBadgeSource, PendingApprovalsBadge>();
        services.AddSingleton<IDemoDataSeeder, ResourcesDemoData>();
        services.AddSingleton(new TimelinePrivacy(configuration.GetValue("Resources:Timeline:ShowRequesterNames", false)));
        services.AddSingleton(new ModuleDefinition(ResourcesModuleContract.Name, typeof(ResourcesModule).Assembly, Navigation)
        {
            MapEndpoints = ResourcesEndpoints.Map,
            CalendarFeeds =
            [
                new CalendarFeed("bookings", "Resource bookings", BookingCalendarFeed.Path, BookingCalendarFeed.ApprovedColour, [ResourcesTopics.Bookings], 20)
                {
                    DetailsComponent = typeof(UI.Components.BookingEntryDetails),
                },
            ],
            HomeSections = [new HomeSection("resources.bookings", "My bookings", typeof(UI.Home.BookingsHomeSection), 20) { Roles = Roles.OfficeMemberRoles }],
            ApprovalSections = [new ApprovalSection("bookings", "Resource bookings", typeof(UI.Components.BookingApprovalsPanel), PendingApprovalsBadge.BadgeKey, 10)],
        });
        return services;
    }

    private const string Section = "Resources";

    private static IReadOnlyList<NavItem> Navigation =>
    [
        new("Book a resource", "/resources", Icons.Material.Outlined.MeetingRoom, Section, Roles.OfficeMemberRoles, 10),
        new("My bookings", "/resources/bookings", Icons.Material.Outlined.EventAvailable, Section, Roles.OfficeMemberRoles, 20),
        new("Availability", "/resources/timeline", Icons.Material.Outlined.ViewTimeline, Section, Roles.OfficeMemberRoles, 30),
        // Booking approvals (/resources/approvals) are reached through the host's one Approvals entry (ADR 0022).
        new("Resource utilisation", "/resources/utilisation", Icons.Material.Outlined.Insights, "Manage", [Roles.Manager, Roles.Admin], 20),
        new("Resources & blackouts", "/resources/manage", Icons.Material.Outlined.Tune, "Admin", [Roles.Admin], 5),
    ];
}
