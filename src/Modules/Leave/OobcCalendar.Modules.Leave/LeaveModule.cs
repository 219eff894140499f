using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Approvers;
using OobcCalendar.Modules.Leave.Features.Jobs;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.Calendar;
using OobcCalendar.Modules.Leave.Features.Holidays;
using OobcCalendar.Modules.Leave.Features.LeaveTypes;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Jobs;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave;

/// <summary>Registers the Leave module: leave types, holidays, requests and approvals, balances from a ledger, accrual jobs.</summary>
public static class LeaveModule
{
    /// <summary>Adds the module's persistence, reference data, validators, events, jobs and navigation.</summary>
    public static IServiceCollection AddLeaveModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<LeaveDbContext>(LeaveDbContext.SchemaName);
        services.AddSingleton<LeaveReferenceData>();
        services.AddHostedService<LeaveReferenceDataSeeder>();
        services.AddSingleton(DocumentLimitsFrom(configuration));
        services.AddSingleton<LeaveApprovers>();
        // Demo leave runs with Seed:Demo unless Seed:DemoLeave is false: tests that file leave for the demo people
        // switch it off, as balances and the no-overlap constraint are per person (docs/adr/0020).
        if (configuration.GetValue("Seed:DemoLeave", true))
        {
            services.AddSingleton<IDemoDataSeeder, LeaveDemoData>();
        }

        services.AddSingleton<IValidator<SubmitLeaveRequest>, SubmitLeaveRequestValidator>();
        services.AddSingleton<IValidator<PreviewLeaveRequest>, PreviewLeaveRequestValidator>();
        services.AddSingleton<IValidator<RejectLeaveRequest>, RejectLeaveRequestValidator>();
        services.AddSingleton<IValidator<AdjustBalance>, AdjustBalanceValidator>();
        services.AddSingleton<IValidator<SetLeaveStartDate>, SetLeaveStartDateValidator>();
        services.AddSingleton<IValidator<SaveLeaveType>, SaveLeaveTypeValidator>();
        services.AddSingleton<IValidator<SaveHoliday>, SaveHolidayValidator>();
        services.AddSingleton<IValidator<SetApprovalDelegation>, SetApprovalDelegationValidator>();
        services.AddSingleton<IValidator<AskToCancelLeave>, AskToCancelLeaveValidator>();

        services.AddIntegrationEvent<LeaveRequestedIntegrationEvent>();
        services.AddIntegrationEvent<LeaveApprovedIntegrationEvent>();
        services.AddIntegrationEvent<LeaveRejectedIntegrationEvent>();
        services.AddIntegrationEvent<LeaveCancelledIntegrationEvent>();

        // Jobs run in the office's zone; the year-end job uses the accrual job for the new year's grants.
        services.AddTransient<LeaveAccrualJob>();
        services.AddRecurringJob<LeaveAccrualJob>(LeaveAccrualJob.Name, LeaveAccrualJob.Cron, OfficeTime.Zone(OfficeTime.DefaultTimeZoneId));
        services.AddRecurringJob<LeaveYearEndJob>(LeaveYearEndJob.Name, LeaveYearEndJob.Cron, OfficeTime.Zone(OfficeTime.DefaultTimeZoneId));

        services.AddSingleton<INavBadgeSource, PendingLeaveBadge>();
        services.AddSingleton(new ModuleDefinition(LeaveModuleContract.Name, typeof(LeaveModule).Assembly, Navigation)
        {
            MapEndpoints = LeaveEndpoints.Map,
            // Leave approvals live under the host's one Approvals entry (ADR 0022), so no drawer line of their own.
            // Home cards are for office members: a check-in desk account has no leave and sees no one's (docs/architecture.md).
            HomeSections =
            [
                new HomeSection("leave.balance", "Leave balance", typeof(UI.Home.LeaveBalanceSection), 30) { Roles = Roles.OfficeMemberRoles },
                new HomeSection("leave.whos-out", "Who's out", typeof(UI.Home.WhosOutSection), 40) { Roles = Roles.OfficeMemberRoles },
            ],
            ApprovalSections = [new ApprovalSection("leave", "Leave", typeof(UI.Components.LeaveApprovalsPanel), PendingLeaveBadge.BadgeKey, 20)],
            CalendarFeeds =
            [
                new CalendarFeed(LeaveCalendarFeed.Key, "Leave", LeaveCalendarFeed.Path, LeaveCalendarFeed.ApprovedColour, [LeaveTopics.Requests], 30)
                {
                    DetailsComponent = typeof(UI.Components.LeaveEntryDetails),
                },
                new CalendarFeed(HolidayCalendarFeed.Key, "Holidays", HolidayCalendarFeed.Path, HolidayCalendarFeed.Colour, [LeaveTopics.Holidays], 40)
                {
                    DetailsComponent = typeof(UI.Components.LeaveEntryDetails),
                },
            ],
        });
        return services;
    }

    private const string Section = "Leave";

    // Desk accounts only check people in: the leave pages are for office members (docs/architecture.md).
    private static IReadOnlyList<NavItem> Navigation =>
    [
        new("Request leave", "/leave/request", Icons.Material.Outlined.EventBusy, Section, Roles.OfficeMemberRoles, 10),
        new("My leave", "/leave", Icons.Material.Outlined.BeachAccess, Section, Roles.OfficeMemberRoles, 20),
        new("Who's out", "/leave/whos-out", Icons.Material.Outlined.Groups, Section, Roles.OfficeMemberRoles, 40),
        new("Leave reports", "/leave/reports", Icons.Material.Outlined.Assessment, Section, [Roles.Manager, Roles.Admin], 80),
        new("Leave settings", "/leave/manage", Icons.Material.Outlined.EditCalendar, "Admin", [Roles.Admin], 10),
    ];

    private static DocumentLimits DocumentLimitsFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("Leave:Documents");
        var types = section.GetSection("ContentTypes").Get<string[]>();
        return new DocumentLimits(
            section.GetValue("MaxBytes", DocumentLimits.Default.MaxBytes),
            types is { Length: > 0 } ? [.. types.Select(t => t.Trim().ToLowerInvariant())] : DocumentLimits.Default.ContentTypes);
    }
}
