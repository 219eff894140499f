using Npgsql;

namespace OobcCalendar.Shared.Persistence;

/// <summary>
/// Recognises the PostgreSQL errors a handler turns into answers (a constraint that lost a race, a deadlock to retry),
/// however EF Core or Npgsql wrap them. The database guards what concurrency can break (ADR 0003, ADR 0008); the
/// handler catches the violation with these and throws a <see cref="Errors.UserFacingException"/> with a clear message.
/// </summary>
public static class PostgresErrors
{
    /// <summary>An exclusion constraint refused the row (23P01), e.g. two overlapping bookings of one resource.</summary>
    public static bool IsExclusionViolation(Exception error) => Find(error)?.SqlState == PostgresErrorCodes.ExclusionViolation;

    /// <summary>A unique index refused the row (23505), e.g. a second resource with the same name.</summary>
    public static bool IsUniqueViolation(Exception error) => Find(error)?.SqlState == PostgresErrorCodes.UniqueViolation;

    /// <summary>The transaction was chosen as a deadlock victim (40P01) and may be retried.</summary>
    public static bool IsDeadlock(Exception error) => Find(error)?.SqlState == PostgresErrorCodes.DeadlockDetected;

    private static PostgresException? Find(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }
}
