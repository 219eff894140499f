using OobcCalendar.Testing;
using Xunit.Abstractions;

namespace OobcCalendar.Shared.Tests.Support;

/// <summary>Figures the tests measure: written to the test output and appended to artifacts/shared-tests-measurements.txt.</summary>
public static class Measurements
{
    private static readonly Lock Gate = new();

    public static void Record(ITestOutputHelper output, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(output);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var line = $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {name}: {value} [load avg {load}, {Environment.ProcessorCount} cores]";
        output.WriteLine(line);
        lock (Gate)
        {
            var folder = Path.Combine(RepositoryRoot.Path, "artifacts");
            Directory.CreateDirectory(folder);
            File.AppendAllLines(Path.Combine(folder, "shared-tests-measurements.txt"), [line]);
        }
    }

    public static string Summary(IReadOnlyCollection<TimeSpan> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var ms = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        return $"n={ms.Length} min={ms[0]:0.0} ms median={ms[ms.Length / 2]:0.0} ms p95={ms[(int)Math.Ceiling(ms.Length * 0.95) - 1]:0.0} ms max={ms[^1]:0.0} ms";
    }
}
