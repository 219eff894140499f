using Microsoft.EntityFrameworkCore;
using Quartz;

namespace OobcCalendar.TestHost;

/// <summary>The recurring job: one row in <c>probe.job_firings</c> per execution, with its scheduled fire time.</summary>
internal sealed class ProbeTickJob(IDbContextFactory<ProbeDbContext> contexts, ProbeOptions options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Firings.Add(new JobFiring
        {
            FireInstanceId = context.FireInstanceId,
            ScheduledFireTime = scheduled,
            FiredAt = context.FireTimeUtc,
            Instance = options.Instance,
            SchedulerInstanceId = context.Scheduler.SchedulerInstanceId,
        });
        await db.SaveChangesAsync(cancellationToken);
        Console.Out.WriteLine($"FIRED {scheduled.UtcDateTime:O}");
    }
}
