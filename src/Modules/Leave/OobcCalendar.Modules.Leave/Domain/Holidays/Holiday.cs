using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Leave.Domain.Holidays;

/// <summary>Kinds of days off the government declares. Both kinds are non-working days for leave counting.</summary>
internal enum HolidayKind
{
    /// <summary>A regular holiday (Republic Act 9492 and later laws).</summary>
    Regular,

    /// <summary>A special (non-working) day, declared by law or by a yearly proclamation.</summary>
    SpecialNonWorking,
}

/// <summary>
/// A day nobody works: office-wide (<see cref="UnitId"/> null) or only in one organisation unit (a local holiday of
/// a field office). Seeded for the current and next year, edited by Admin.
/// </summary>
internal sealed class Holiday
{
    private Holiday()
    {
    }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public HolidayKind Kind { get; private set; }

    /// <summary>Only this organisation unit has the day off; null: the whole office.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>Seeded from a yearly proclamation at its best-known date: Admin should confirm it when it is proclaimed.</summary>
    public bool ToBeConfirmed { get; private set; }

    public static Holiday Create(Guid id, DateOnly date, string name, HolidayKind kind, Guid? unitId = null, bool toBeConfirmed = false)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BusinessRuleException("Give the holiday a name.");
        }

        return new Holiday { Id = id, Date = date, Name = name.Trim(), Kind = kind, UnitId = unitId, ToBeConfirmed = toBeConfirmed };
    }

    public void Change(DateOnly date, string name, HolidayKind kind, Guid? unitId)
    {
        var changed = Create(Id, date, name, kind, unitId);
        (Date, Name, Kind, UnitId, ToBeConfirmed) = (changed.Date, changed.Name, changed.Kind, changed.UnitId, false);
    }

    /// <summary>Whether this day off applies to someone of <paramref name="unitId"/>.</summary>
    public bool AppliesTo(Guid? unitId) => UnitId is null || UnitId == unitId;
}
