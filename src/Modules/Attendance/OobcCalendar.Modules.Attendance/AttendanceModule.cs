using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Door;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Features.Reports;
using OobcCalendar.Modules.Attendance.Features.Offline;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance;

/// <summary>Registers the Attendance module: lists per event occurrence, tickets, door codes, check-ins.</summary>
public static class AttendanceModule
{
    /// <summary>Adds the module's persistence, handlers, events, pages and navigation.</summary>
    public static IServiceCollection AddAttendanceModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<AttendanceDbContext>(AttendanceDbContext.SchemaName);

        services.AddSingleton<IValidator<OpenAttendance>, OpenAttendanceValidator>();
        services.AddSingleton<IValidator<CheckInAttendee>, CheckInAttendeeValidator>();
        services.AddSingleton<IValidator<AddWalkIn>, AddWalkInValidator>();
        services.AddSingleton<IValidator<CheckInAtDoor>, CheckInAtDoorValidator>();
        services.AddSingleton<IValidator<RegisterGuestAtDoor>, RegisterGuestAtDoorValidator>();
        services.AddSingleton<IValidator<GetAttendanceTrends>, GetAttendanceTrendsValidator>();
        services.AddSingleton<IValidator<UploadOfflineScans>, UploadOfflineScansValidator>();

        services.AddIntegrationEvent<AttendeeCheckedInIntegrationEvent>();
        services.AddIntegrationEvent<CheckInUndoneIntegrationEvent>();
        services.AddIntegrationEvent<AttendanceClosedIntegrationEvent>();

        // The read model of Scheduling's events (ADR 0025): never Scheduling's tables.
        services.AddIntegrationEventHandler<EventScheduledIntegrationEvent, SchedulingEventsConsumer>();
        services.AddIntegrationEventHandler<EventRescheduledIntegrationEvent, SchedulingEventsConsumer>();
        services.AddIntegrationEventHandler<EventUpdatedIntegrationEvent, SchedulingEventsConsumer>();
        services.AddIntegrationEventHandler<EventCancelledIntegrationEvent, SchedulingEventsConsumer>();

        services.AddSingleton(new ModuleDefinition(AttendanceModuleContract.Name, typeof(AttendanceModule).Assembly, Navigation)
        {
            MapEndpoints = endpoints =>
            {
                ReportEndpoints.Map(endpoints);
                OfflineScannerEndpoints.Map(endpoints);
            },
            // The "Attendance" button in an event's details, without Scheduling knowing this module (ADR 0029).
            EventDetailsExtensions = [new EventDetailsExtension("attendance.event", typeof(UI.Components.EventAttendanceButton), 10)],
        });
        return services;
    }

    // Desk accounts and organizers alike start from the list of open check-ins.
    private static IReadOnlyList<NavItem> Navigation =>
    [
        new("Check-in desk", AttendanceModuleContract.RoutePrefix, Icons.Material.Outlined.HowToReg, "Attendance", Roles.All, 10),
        new("Attendance reports", ReportEndpoints.Prefix, Icons.Material.Outlined.Insights, "Attendance", Roles.OfficeMemberRoles, 20),
    ];
}
