using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace OobcCalendar.Shared.Jobs;

/// <summary>Ready when the clustered scheduler is running (not in stand-by or shut down).</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        if (status != SchedulerStatus.Running)
        {
            return HealthCheckResult.Unhealthy($"The job scheduler is {status}, not running.");
        }

        var meta = await scheduler.GetMetadata(cancellationToken);
        return HealthCheckResult.Healthy($"Scheduler {meta.SchedulerInstanceId} running since {meta.RunningSince:O}.");
    }
}
