namespace OobcCalendar.Modules.Sharing.Domain;

/// <summary>The office's one row of sharing rules, set by an Admin.</summary>
internal sealed class SharingSettings
{
    public const int SingletonId = 1;

    public const int DefaultExpiryDays = 30;

    public const int DefaultMaxExpiryDays = 365;

    /// <summary>The Admin's maximum may not be shorter than a day...</summary>
    public const int MinMaxExpiryDays = 1;

    /// <summary>...nor longer than ten years.</summary>
    public const int MaxMaxExpiryDays = 3650;

    public int Id { get; private set; } = SingletonId;

    /// <summary>The longest a link may live.</summary>
    public int MaxExpiryDays { get; private set; } = DefaultMaxExpiryDays;

    public static SharingSettings Defaults() => new();

    public void SetMaxExpiryDays(int days)
    {
        if (days is < MinMaxExpiryDays or > MaxMaxExpiryDays)
        {
            throw new OobcCalendar.Shared.Errors.BusinessRuleException($"The longest expiry must be between {MinMaxExpiryDays} and {MaxMaxExpiryDays} days.");
        }

        MaxExpiryDays = days;
    }
}
