using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace OobcCalendar.Shared.Jobs;

/// <summary>A recurring job as the code declares it.</summary>
internal sealed record RecurringJobDeclaration(string Name, string Cron, TimeZoneInfo TimeZone)
{
    public JobKey JobKey => new(Name);

    public TriggerKey TriggerKey => new($"{Name}-trigger");

    /// <summary>Misfires fire once now and resume the schedule.</summary>
    public static Action<CronScheduleBuilder> Schedule(TimeZoneInfo timeZone) =>
        c => c.InTimeZone(timeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);
}

/// <summary>
/// Start-up keeps stored triggers (Quartz ignores re-declared duplicates); this replaces the stored trigger of
/// a recurring job whose cron expression or time zone changed in code, so a new schedule still takes effect.
/// </summary>
internal sealed class RecurringJobSchedules(
    ISchedulerFactory schedulers,
    IEnumerable<RecurringJobDeclaration> declarations,
    ILogger<RecurringJobSchedules> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var declared in declarations)
        {
            if (await scheduler.GetTrigger(declared.TriggerKey, cancellationToken) is not ICronTrigger stored
                || (stored.CronExpressionString == declared.Cron && stored.TimeZone.Id == declared.TimeZone.Id))
            {
                continue;
            }

            logger.LogInformation(
                "Schedule of {Job} changed from '{OldCron}' ({OldZone}) to '{NewCron}' ({NewZone})",
                declared.Name, stored.CronExpressionString, stored.TimeZone.Id, declared.Cron, declared.TimeZone.Id);
            var trigger = TriggerBuilder.Create()
                .ForJob(declared.JobKey)
                .WithIdentity(declared.TriggerKey)
                .WithCronSchedule(declared.Cron, RecurringJobDeclaration.Schedule(declared.TimeZone))
                .Build();
            await scheduler.RescheduleJob(declared.TriggerKey, trigger, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
