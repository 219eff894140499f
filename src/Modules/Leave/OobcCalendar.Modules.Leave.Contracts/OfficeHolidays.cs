using Mediator;

namespace OobcCalendar.Modules.Leave.Contracts;

/// <summary>
/// The holidays from <paramref name="From"/> to <paramref name="To"/> (inclusive, office dates): the office-wide ones,
/// plus those of <paramref name="UnitId"/> when given (a field office's local holiday). For another module to show them
/// (e.g. a share link that includes holidays); no user is asked for, holidays are no secret.
/// </summary>
public sealed record ListOfficeHolidays(DateOnly From, DateOnly To, Guid? UnitId = null) : IQuery<IReadOnlyList<OfficeHoliday>>;

/// <summary>A day nobody works.</summary>
/// <param name="Date">The day (office zone).</param>
/// <param name="Name">Its name, e.g. "Christmas Day".</param>
/// <param name="UnitId">The one unit that has it off; null for the whole office.</param>
public sealed record OfficeHoliday(DateOnly Date, string Name, Guid? UnitId);
