namespace OobcCalendar.Benchmarks;

/// <summary>Percentiles of measured latencies.</summary>
internal static class Stats
{
    /// <summary>The nearest-rank <paramref name="q"/> quantile (0..1) of <paramref name="values"/>.</summary>
    public static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }
}
