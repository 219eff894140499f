using OobcCalendar.Testing;

namespace OobcCalendar.Host.Tests;

/// <summary>One real host with every module on its own fresh database for a test class; the acting user is set per test.</summary>
public sealed class HostFixture() : ModuleFixture(new ModuleFixtureOptions("host") { Scheduler = true });
