using Npgsql;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Recognises the PostgreSQL errors booking handlers turn into answers, however EF or Npgsql wrap them.</summary>
internal static class PostgresErrors
{
    public static bool IsExclusionViolation(Exception error) => Find(error)?.SqlState == PostgresErrorCodes.ExclusionViolation;

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
