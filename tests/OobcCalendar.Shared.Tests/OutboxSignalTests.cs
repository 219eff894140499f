using OobcCalendar.Shared.IntegrationEvents;
using Shouldly;

namespace OobcCalendar.Shared.Tests;

/// <summary>The dispatcher's wake-up: which outboxes it looks at after commits, a resync, or a quiet poll interval.</summary>
public sealed class OutboxSignalTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Wake_WhenTwoModulesCommitted_ThenOnlyTheirOutboxesAreDue()
    {
        var signal = new OutboxSignal();
        signal.Wake("resources");
        signal.Wake("scheduling");
        signal.Wake("resources");

        var due = await signal.WaitAsync(Long, TimeSpan.Zero, CancellationToken.None);

        due.ShouldNotBeNull().OrderBy(s => s, StringComparer.Ordinal).ShouldBe(["resources", "scheduling"]);
    }

    [Fact]
    public async Task Wake_WithoutASchema_ThenEveryOutboxIsDue()
    {
        var signal = new OutboxSignal();
        signal.Wake("resources");
        signal.Wake();

        (await signal.WaitAsync(Long, TimeSpan.Zero, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Wait_WhenNothingWakesItBeforeTheTimeout_ThenEveryOutboxIsDueForItsRetries()
    {
        var signal = new OutboxSignal();

        (await signal.WaitAsync(TimeSpan.FromMilliseconds(1), TimeSpan.Zero, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Wake_DuringTheGatherDelay_IsTakenWithTheSameRound()
    {
        var signal = new OutboxSignal();
        signal.Wake("resources");
        var waiting = signal.WaitAsync(Long, TimeSpan.FromMilliseconds(300), CancellationToken.None);
        signal.Wake("leave");

        (await waiting).ShouldNotBeNull().OrderBy(s => s, StringComparer.Ordinal).ShouldBe(["leave", "resources"]);
    }
}
