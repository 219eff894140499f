using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Jobs;
using OobcCalendar.Modules.Leave.Features.Balances;
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

        services.AddSingleton<IValidator<SubmitLeaveRequest>, SubmitLeaveRequestValidator>();
        services.AddSingleton<IValidator<PreviewLeaveRequest>, PreviewLeaveRequestValidator>();
        services.AddSingleton<IValidator<RejectLeaveRequest>, RejectLeaveRequestValidator>();
        services.AddSingleton<IValidator<AdjustBalance>, AdjustBalanceValidator>();
        services.AddSingleton<IValidator<SetLeaveStartDate>, SetLeaveStartDateValidator>();
        services.AddSingleton<IValidator<SaveLeaveType>, SaveLeaveTypeValidator>();
        services.AddSingleton<IValidator<SaveHoliday>, SaveHolidayValidator>();

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
            // Leave approvals live under the host's one Approvals entry (ADR 0022), so no drawer line of their own.
            ApprovalSections = [new ApprovalSection("leave", "Leave", typeof(UI.Components.LeaveApprovalsPanel), PendingLeaveBadge.BadgeKey, 20)],
        });
        return services;
    }

    // Pages come with the UI step; until then the module adds no drawer entries.
    private static IReadOnlyList<NavItem> Navigation => [];

    private static DocumentLimits DocumentLimitsFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("Leave:Documents");
        var types = section.GetSection("ContentTypes").Get<string[]>();
        return new DocumentLimits(
            section.GetValue("MaxBytes", DocumentLimits.Default.MaxBytes),
            types is { Length: > 0 } ? [.. types.Select(t => t.Trim().ToLowerInvariant())] : DocumentLimits.Default.ContentTypes);
    }
}
