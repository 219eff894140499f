using Npgsql;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Testing;
using Shouldly;
using Microsoft.Extensions.DependencyInjection;

namespace OobcCalendar.Host.Tests;

public sealed class SchemaTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    public static TheoryData<string> ModuleSchemas => new() { "scheduling", "resources", "leave", "attendance", "sharing", "notifications" };

    [Theory]
    [MemberData(nameof(ModuleSchemas))]
    public async Task Startup_WhenMigrated_GivesEachModuleItsOwnSchemaHistoryAndOutbox(string schema)
    {
        var tables = await TablesAsync(fixture.App.ConnectionString, schema);

        tables.ShouldContain("__EFMigrationsHistory");
        tables.ShouldContain("outbox_messages");
        tables.ShouldContain("inbox_messages");
    }

    [Fact]
    public async Task Startup_WhenMigrated_CreatesIdentityAndQuartzSchemas()
    {
        var identity = await TablesAsync(fixture.App.ConnectionString, "identity");
        var quartz = await TablesAsync(fixture.App.ConnectionString, "quartz");

        identity.ShouldContain("__EFMigrationsHistory");
        identity.ShouldContain("users");
        identity.ShouldContain("user_roles");
        identity.ShouldContain("data_protection_keys");
        quartz.ShouldContain("qrtz_triggers");
    }

    [Fact]
    public async Task Startup_WhenModuleSwitchedOff_NeitherRegistersNorMigratesIt()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("nolea");
        await using var app = new OobcAppFactory(connectionString, new Dictionary<string, string?> { [$"Modules:{LeaveModuleContract.Name}:Enabled"] = "false" });
        app.Start();

        var catalog = app.Services.GetRequiredService<ModuleCatalog>();

        catalog.IsEnabled(LeaveModuleContract.Name).ShouldBeFalse();
        catalog.IsEnabled(ResourcesModuleContract.Name).ShouldBeTrue();
        (await TablesAsync(connectionString, "leave")).ShouldBeEmpty();
        (await TablesAsync(connectionString, "resources")).ShouldNotBeEmpty();
    }

    private static async Task<List<string>> TablesAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = @s", connection);
        command.Parameters.AddWithValue("s", schema);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
