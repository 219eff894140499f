using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Features.BusyIntervals;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Modules.Scheduling.UI.Calendar;
using OobcCalendar.Modules.Scheduling.UI.Events;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Jobs;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.UI.Calendar;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling;

/// <summary>Registers the Scheduling module: events, recurrence, the calendar feed and ICS.</summary>
public static class SchedulingModule
{
    /// <summary>Adds the module's persistence, events, jobs, feed, pages and navigation.</summary>
    public static IServiceCollection AddSchedulingModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<SchedulingDbContext>(SchedulingDbContext.SchemaName);
        services.AddIntegrationEvent<EventScheduledIntegrationEvent>();
        services.AddIntegrationEvent<EventRescheduledIntegrationEvent>();
        services.AddIntegrationEvent<EventUpdatedIntegrationEvent>();
        services.AddIntegrationEvent<EventCancelledIntegrationEvent>();
        services.AddIntegrationEvent<ParticipantRespondedIntegrationEvent>();
        // Consumers: Resources' bookings feed the busy read model (Features/BusyIntervals, docs/adr/0010).
        services.AddIntegrationEventHandler<BookingApprovedIntegrationEvent, BookingBusyConsumer>();
        services.AddIntegrationEventHandler<BookingCancelledIntegrationEvent, BookingBusyConsumer>();
        services.AddIntegrationEventHandler<BookingRejectedIntegrationEvent, BookingBusyConsumer>();
        // Leave's approved leave keeps the person busy too (docs/adr/0024).
        services.AddIntegrationEventHandler<LeaveApprovedIntegrationEvent, LeaveBusyConsumer>();
        services.AddIntegrationEventHandler<LeaveCancelledIntegrationEvent, LeaveBusyConsumer>();
        services.AddTransient<ExtendOccurrenceIndexJob>();
        // 02:10 office time: after midnight, before anyone opens next year's calendar.
        services.AddRecurringJob<ExtendOccurrenceIndexJob>(ExtendOccurrenceIndexJob.Name, "0 10 2 * * ?", OfficeTime.Zone(OfficeTime.DefaultTimeZoneId));
        services.AddSingleton<IDemoDataSeeder, SchedulingDemoData>();
        services.AddScoped<EventActions>();
        services.AddScoped<EventCalendarActions>();
        services.AddScoped<ICalendarEntryActions>(sp => sp.GetRequiredService<EventCalendarActions>());
        services.AddScoped<ICalendarCategorySource>(sp => sp.GetRequiredService<EventCalendarActions>());
        services.AddSingleton(new ModuleDefinition(SchedulingModuleContract.Name, typeof(SchedulingModule).Assembly, Navigation)
        {
            MapEndpoints = SchedulingEndpoints.Map,
            CalendarFeeds = [new CalendarFeed(EventCalendarActions.Key, "Events", SchedulingEndpoints.FeedPath, "#1565c0", [SchedulingTopics.Events], 10)],
            CalendarToolbarComponents = [typeof(QuickAddBox)],
            // "You are away" comes first: it is a warning and is hidden when there is nothing to flag.
            HomeSections =
            [
                new HomeSection("scheduling.away", "You are away", typeof(UI.Home.AwaySection), 5) { Roles = Roles.OfficeMemberRoles },
                new HomeSection("scheduling.my-day", "My day", typeof(UI.Home.MyDaySection), 10) { Roles = Roles.OfficeMemberRoles },
            ],
        });
        return services;
    }

    private const string Section = "Calendar";

    private static IReadOnlyList<NavItem> Navigation =>
    [
        new("Import calendar (.ics)", "/scheduling/import", Icons.Material.Outlined.UploadFile, Section, Roles.OfficeMemberRoles, 50),
        new("Export my calendar", "/scheduling/export", Icons.Material.Outlined.Download, Section, [], 60),
    ];
}
