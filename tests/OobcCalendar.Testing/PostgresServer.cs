using System.Diagnostics;
using Npgsql;

namespace OobcCalendar.Testing;

/// <summary>
/// The real PostgreSQL every integration test uses. build/test.sh starts one cluster and passes it in
/// OOBC_TEST_PG; run from an IDE, the first test starts a private cluster under .data/pg-test itself.
/// Each fixture gets its own database, so test classes never see each other's rows.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Server = new(StartOrReuse, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Connection string to the server (no database chosen).</summary>
    public static string ServerConnectionString => Server.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"t_{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 35)];
        await using var connection = new NpgsqlConnection(ServerConnectionString + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, IncludeErrorDetail = true }.ConnectionString;
    }

    private static string StartOrReuse()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("OOBC_TEST_PG");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var script = Path.Combine(RepositoryRoot.Path, "build", "pg.sh");
        var start = new ProcessStartInfo("bash", [script, "start", Path.Combine(RepositoryRoot.Path, ".data", "pg-test")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run build/pg.sh");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !int.TryParse(output.Trim().Split('\n').Last(), out var port))
        {
            throw new InvalidOperationException($"build/pg.sh failed ({process.ExitCode}): {error}{output}");
        }

        return $"Host=127.0.0.1;Port={port};Username=postgres;Maximum Pool Size=40";
    }
}
