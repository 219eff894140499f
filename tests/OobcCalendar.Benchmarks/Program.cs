using OobcCalendar.Benchmarks;

// build/bench.sh: "bookings", "calendar" or nothing for both. Each prints "name: value" lines.
var which = args.Length > 0 ? args[0] : "all";
if (which is "all" or "bookings")
{
    await BookingBench.RunAsync();
}

if (which is "all" or "calendar")
{
    await MonthFeedBench.RunAsync();
}
