using Microsoft.Extensions.Configuration;

namespace OobcCalendar.TestHost;

/// <summary>Settings of the probe (configuration section <c>Probe</c>; command line <c>--Probe:DelayMs=20</c> or env <c>Probe__DelayMs</c>).</summary>
public sealed class ProbeOptions
{
    /// <summary>Name written into every applied/fired row, so tests can tell the processes apart.</summary>
    public string Instance { get; set; } = $"probe-{Environment.ProcessId}";

    /// <summary><c>serve</c> (default: run, print READY, obey stdin commands) or <c>publish</c> (send one live notice and exit).</summary>
    public string Mode { get; set; } = "serve";

    /// <summary>Time the consumer spends inside its inbox transaction per event (so a test can kill it mid-dispatch).</summary>
    public int DelayMs { get; set; }

    /// <summary>Whether start-up runs the Shared DatabaseMigrator (off when the test has migrated the database already).</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>Quartz cron (seconds first) of the recurring probe job; empty for no job.</summary>
    public string? JobCron { get; set; }

    /// <summary>Comma-separated live-update topics printed as <c>LIVE topic key</c>.</summary>
    public string Topics { get; set; } = "probe";

    /// <summary>Topic of the notice sent in <c>publish</c> mode.</summary>
    public string Topic { get; set; } = "probe";

    /// <summary>Key of the notice sent in <c>publish</c> mode.</summary>
    public string Key { get; set; } = "published";

    internal static ProbeOptions From(IConfiguration configuration) =>
        configuration.GetSection("Probe").Get<ProbeOptions>() ?? new ProbeOptions();
}
