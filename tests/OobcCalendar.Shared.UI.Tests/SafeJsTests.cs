using Microsoft.JSInterop;
using OobcCalendar.Shared.UI;
using Shouldly;

namespace OobcCalendar.Shared.UI.Tests;

/// <summary>Issue 9, finding 12: interop that outlives its page stops quietly; real errors still surface.</summary>
public sealed class SafeJsTests
{
    public static TheoryData<Exception> Gone() =>
        [new JSDisconnectedException("circuit gone"), new ObjectDisposedException("component"), new TaskCanceledException()];

    [Theory]
    [MemberData(nameof(Gone))]
    public async Task TryAsync_WhenBrowserSideOrComponentIsGone_AnswersNotDone(Exception gone)
    {
        var done = await SafeJs.TryAsync(() => ValueTask.FromException(gone));
        var (valueDone, value) = await SafeJs.TryAsync(() => ValueTask.FromException<string>(gone));

        done.ShouldBeFalse();
        valueDone.ShouldBeFalse();
        value.ShouldBeNull();
    }

    [Fact]
    public async Task TryAsync_WhenScriptFails_Rethrows()
    {
        await Should.ThrowAsync<JSException>(() => SafeJs.TryAsync(() => ValueTask.FromException(new JSException("bug in the script"))));
    }

    [Fact]
    public async Task TryAsync_WhenCallSucceeds_ReturnsItsValue()
    {
        var (done, value) = await SafeJs.TryAsync(() => ValueTask.FromResult(42));

        done.ShouldBeTrue();
        value.ShouldBe(42);
    }
}
