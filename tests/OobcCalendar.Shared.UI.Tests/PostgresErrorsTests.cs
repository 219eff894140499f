using Microsoft.EntityFrameworkCore;
using Npgsql;
using OobcCalendar.Shared.Persistence;
using Shouldly;

namespace OobcCalendar.Shared.UI.Tests;

public sealed class PostgresErrorsTests
{
    [Fact]
    public void IsExclusionViolation_WhenWrappedByEf_ThenFindsIt()
    {
        var error = new DbUpdateException("save failed", Postgres(PostgresErrorCodes.ExclusionViolation));

        PostgresErrors.IsExclusionViolation(error).ShouldBeTrue();
        PostgresErrors.IsUniqueViolation(error).ShouldBeFalse();
        PostgresErrors.IsDeadlock(error).ShouldBeFalse();
    }

    [Fact]
    public void IsUniqueViolation_WhenWrappedTwice_ThenFindsIt()
    {
        var error = new InvalidOperationException("outer", new DbUpdateException("save failed", Postgres(PostgresErrorCodes.UniqueViolation)));

        PostgresErrors.IsUniqueViolation(error).ShouldBeTrue();
        PostgresErrors.IsExclusionViolation(error).ShouldBeFalse();
    }

    [Fact]
    public void IsDeadlock_WhenThrownDirectly_ThenFindsIt() =>
        PostgresErrors.IsDeadlock(Postgres(PostgresErrorCodes.DeadlockDetected)).ShouldBeTrue();

    [Fact]
    public void IsExclusionViolation_WhenNoPostgresErrorInside_ThenIsFalse() =>
        PostgresErrors.IsExclusionViolation(new DbUpdateException("save failed", new TimeoutException())).ShouldBeFalse();

    private static PostgresException Postgres(string sqlState) => new("refused", "ERROR", "ERROR", sqlState);
}
