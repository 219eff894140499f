using System.Diagnostics;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Recurrence;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace OobcCalendar.Shared.Tests.Time;

/// <summary>Expansion is bounded by work counted, not by a stopwatch: a busy machine gets a quiet machine's answers.</summary>
public sealed class RecurrenceBudgetTests(ITestOutputHelper output)
{
    private const string Manila = "Asia/Manila";
    private static readonly DateTime FirstMinute = new(2027, 1, 1, 0, 0, 0);

    // Minutely rules walk from their first occurrence (Ical.Net cannot seek them), one candidate a minute:
    // 59 days in is ~85,000 candidates (within the budget), 73 days in ~105,000 (beyond it).
    private static string Answer(string rule, DateTime firstLocal, DateTimeOffset from, TimeSpan length)
    {
        try
        {
            var slots = RecurrenceExpander.Expand(rule, firstLocal, TimeSpan.FromMinutes(1), Manila, from + length, windowStart: from);
            return $"{slots.Count} from {slots.FirstOrDefault()?.Start:O}";
        }
        catch (InputValidationException ex)
        {
            return ex.Message;
        }
    }

    private static readonly (string Rule, DateTime First, DateTimeOffset From, TimeSpan Length)[] Cases =
    [
        ("FREQ=DAILY;COUNT=5", new DateTime(2027, 3, 1, 9, 0, 0), new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromDays(10)),
        ("FREQ=WEEKLY;BYDAY=MO", new DateTime(1901, 1, 7, 9, 0, 0), new DateTimeOffset(2199, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromDays(31)),
        ("FREQ=MINUTELY", FirstMinute, new DateTimeOffset(FirstMinute.AddDays(59), TimeSpan.FromHours(8)), TimeSpan.FromMinutes(10)),
        ("FREQ=MINUTELY", FirstMinute, new DateTimeOffset(FirstMinute.AddDays(73), TimeSpan.FromHours(8)), TimeSpan.FromMinutes(10)),
    ];

    [Fact]
    public void Expand_WhenTheCpuIsSaturated_GivesTheQuietMachinesAnswers()
    {
        var quiet = Cases.Select(c => Answer(c.Rule, c.First, c.From, c.Length)).ToList();
        quiet[0].ShouldStartWith("5 from");
        quiet[1].ShouldStartWith("4 from 2199-01-07");
        quiet[2].ShouldStartWith("10 from");
        quiet[3].ShouldContain("too complex");

        using var stop = new CancellationTokenSource();
        var burners = Enumerable.Range(0, Environment.ProcessorCount * 2).Select(_ => new Thread(() =>
        {
            var x = 0L;
            while (!stop.IsCancellationRequested)
            {
                x++;
            }

            GC.KeepAlive(x);
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal }).ToList();
        burners.ForEach(t => t.Start());
        var clock = Stopwatch.StartNew();
        try
        {
            var busy = Cases.Select(c => Answer(c.Rule, c.First, c.From, c.Length)).ToList();

            busy.ShouldBe(quiet);
        }
        finally
        {
            stop.Cancel();
            burners.ForEach(t => t.Join());
            output.WriteLine($"{Cases.Length} expansions beside {burners.Count} spinning threads took {clock.ElapsedMilliseconds} ms");
        }
    }

    [Fact]
    public void Expand_WhenASeriesIsDecadesOld_SeeksToTheWindowInsteadOfWalkingFromItsStart()
    {
        // A daily series from 1901 looked at in 2199: ~108,000 days, beyond the budget if it were walked.
        var slots = RecurrenceExpander.Expand(
            "FREQ=DAILY", new DateTime(1901, 1, 1, 9, 0, 0), TimeSpan.FromHours(1), Manila,
            new DateTimeOffset(2199, 1, 8, 0, 0, 0, TimeSpan.FromHours(8)), windowStart: new DateTimeOffset(2199, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));

        slots.Select(s => s.Start).ShouldBe(Enumerable.Range(0, 7).Select(d => new DateTimeOffset(2199, 1, 1 + d, 9, 0, 0, TimeSpan.FromHours(8))));
    }
}
