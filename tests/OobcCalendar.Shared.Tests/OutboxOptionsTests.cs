using OobcCalendar.Shared.IntegrationEvents;
using Shouldly;
using Xunit;

namespace OobcCalendar.Shared.Tests;

public sealed class OutboxOptionsTests
{
    [Theory]
    [InlineData(1, 0.0, 1_000)]
    [InlineData(2, 0.0, 2_000)]
    [InlineData(4, 0.0, 8_000)]
    [InlineData(4, 1.0, 9_600)]
    [InlineData(20, 0.0, 600_000)]
    [InlineData(20, 1.0, 720_000)]
    public void RetryDelay_WhenAttemptsGrow_ThenItDoublesUpToTheCapPlusJitter(int attempt, double jitter, double expectedMs)
    {
        var options = new OutboxOptions { BaseRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromMinutes(10) };
        options.RetryDelay(attempt, jitter).TotalMilliseconds.ShouldBe(expectedMs, 0.001);
    }
}
