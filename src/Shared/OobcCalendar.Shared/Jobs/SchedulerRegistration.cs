using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace OobcCalendar.Shared.Jobs;

/// <summary>Quartz with its persistent, clustered PostgreSQL store; modules add jobs with <see cref="AddRecurringJob{TJob}"/>.</summary>
public static class SchedulerRegistration
{
    /// <summary>Quartz tables live in their own schema, created by the migrator before Quartz starts.</summary>
    public const string TablePrefix = "quartz.qrtz_";

    /// <summary>
    /// Registers the scheduler. Every host on one database joins one cluster, so a trigger fires on exactly
    /// one of them; a firing missed while all hosts were down is handled by the trigger's misfire policy.
    /// Set <c>Scheduler:Enabled</c> to false to run a host without executing jobs.
    /// </summary>
    public static IServiceCollection AddOobcScheduler(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddQuartz(q =>
        {
            // One name shared by every host of the cluster; a generated id per host.
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = configuration.GetValue("Scheduler:Name", "OobcCalendar")!;
                o.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(c =>
                {
                    c.CheckinInterval = configuration.GetValue("Scheduler:CheckinInterval", TimeSpan.FromSeconds(10));
                    c.CheckinMisfireThreshold = configuration.GetValue("Scheduler:CheckinMisfireThreshold", TimeSpan.FromSeconds(20));
                });
                store.ProvisionSchema();
                store.ConfigureStore(o => o.TablePrefix = TablePrefix);
            });
        });

        // Every host declares the recurring triggers at start-up. Replacing a stored trigger while another host
        // has already acquired it for its next fire time makes both hosts fire that time, and a replacement
        // starts from "now", skipping times missed while every host was down. So a stored trigger is kept as it
        // is, and replaced only when its declared schedule changed (RecurringJobSchedules).
        services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        if (configuration.GetValue("Scheduler:Enabled", defaultValue: true))
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            services.AddHostedService<RecurringJobSchedules>();
        }

        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Adds a job with a cron trigger (Quartz cron, seconds first) evaluated in <paramref name="timeZone"/>.
    /// Misfires fire once now and resume the schedule.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, string cron, TimeZoneInfo timeZone)
        where TJob : class, IJob
    {
        var declaration = new RecurringJobDeclaration(name, cron, timeZone);
        services.AddSingleton(declaration);
        services.ConfigureAllQuartzSchedulers(q =>
        {
            q.AddJob<TJob>(j => j.WithIdentity(declaration.JobKey).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(declaration.JobKey)
                .WithIdentity(declaration.TriggerKey)
                .WithCronSchedule(cron, RecurringJobDeclaration.Schedule(timeZone)));
        });
        return services;
    }
}
