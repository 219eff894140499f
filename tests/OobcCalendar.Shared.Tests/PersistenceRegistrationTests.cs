using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using OobcCalendar.Shared.Persistence;
using Shouldly;
using Xunit;

namespace OobcCalendar.Shared.Tests;

public sealed class PersistenceRegistrationTests
{
    [Fact]
    public void ConfigureNpgsql_WhenAModuleContextIsConfigured_SplitsQueriesThatLoadSeveralCollections()
    {
        // Without a configured behaviour EF joins every auto-included collection of a calendar event into one
        // query and logs MultipleCollectionIncludeWarning each time such a query compiles (ADR 0018).
        using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Username=postgres");

        var options = PersistenceRegistration.ConfigureNpgsql(new DbContextOptionsBuilder(), dataSource, "scheduling").Options;

        RelationalOptionsExtension.Extract(options).QuerySplittingBehavior.ShouldBe(QuerySplittingBehavior.SplitQuery);
    }
}
