using OobcCalendar.Benchmarks;

// build/bench.sh: "bookings", "calendar", "leave", "attendance", "sharing", "notifications" or nothing for all. Each prints "name: value" lines.
var which = args.Length > 0 ? args[0] : "all";
if (which is "all" or "bookings")
{
    await BookingBench.RunAsync();
}

if (which is "all" or "calendar")
{
    await MonthFeedBench.RunAsync();
}

if (which is "all" or "leave")
{
    await LeaveBench.RunAsync();
}

if (which is "all" or "attendance")
{
    await AttendanceBench.RunAsync();
}

if (which is "all" or "sharing")
{
    await SharingFeedBench.RunAsync();
}

if (which is "all" or "notifications")
{
    await NotificationsBench.RunAsync();
}
