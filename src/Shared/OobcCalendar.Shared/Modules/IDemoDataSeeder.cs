namespace OobcCalendar.Shared.Modules;

/// <summary>
/// A module's demo data, created at start-up when <c>Seed:Demo</c> is on, after migrations and after the
/// demo users exist. Must do nothing when its data is already there.
/// </summary>
public interface IDemoDataSeeder
{
    /// <summary>Creates the demo data if missing.</summary>
    Task SeedAsync(CancellationToken cancellationToken);
}
