using System.Globalization;
using System.Text.Json;
using Microsoft.JSInterop;
using OobcCalendar.Shared.UI;
using OobcCalendar.Shared.UI.Calendar;

namespace OobcCalendar.Host.Components.Pages.Calendar;

/// <summary>Which events the calendar shows (the feeds' <c>scope</c> parameter).</summary>
public enum CalendarScopeChoice
{
    /// <summary>Events I organise or take part in.</summary>
    Mine,

    /// <summary>Mine plus those of my organisation unit.</summary>
    Unit,

    /// <summary>Everything I may see.</summary>
    All,
}

/// <summary>
/// The calendar filters and layout a user last chose, kept in the browser's local storage per user (they are a
/// matter of taste on this device, not data worth a table).
/// </summary>
public sealed record CalendarPreferences(
    CalendarScopeChoice Scope = CalendarScopeChoice.Mine,
    IReadOnlyList<Guid>? Categories = null,
    bool ShowDeclined = false,
    CalendarViewKind? View = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The query parameters every feed receives.</summary>
    public IReadOnlyDictionary<string, string> FeedParams()
    {
        var result = new Dictionary<string, string>
        {
            ["scope"] = Scope.ToString().ToLowerInvariant(),
            ["showDeclined"] = ShowDeclined ? "true" : "false",
        };
        if (Categories is { Count: > 0 })
        {
            result["categories"] = string.Join(',', Categories.Select(c => c.ToString("D", CultureInfo.InvariantCulture)));
        }

        return result;
    }

    /// <summary>The user's saved choices on this device, or the defaults.</summary>
    public static async Task<CalendarPreferences> LoadAsync(IJSRuntime js, Guid userId)
    {
        try
        {
            // A page left (or a tab closed) before the browser answers keeps the defaults: nobody sees them anyway.
            var (_, text) = await SafeJs.TryAsync(() => js.InvokeAsync<string?>("localStorage.getItem", Key(userId)));
            return text is null ? new() : JsonSerializer.Deserialize<CalendarPreferences>(text, Json) ?? new();
        }
        catch (JsonException)
        {
            // Written by an older version: start from the defaults rather than fail the page.
            return new();
        }
    }

    /// <summary>Remembers these choices on this device.</summary>
    public Task SaveAsync(IJSRuntime js, Guid userId) =>
        SafeJs.TryAsync(() => js.InvokeVoidAsync("localStorage.setItem", Key(userId), JsonSerializer.Serialize(this, Json)));

    private static string Key(Guid userId) => $"oobc-calendar:{userId:N}";
}
