using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Shared.Calendar;

/// <summary>
/// One call of a calendar feed: the window already read (and bounded) by <see cref="Modules.CalendarFeedTime.ParseWindow"/>
/// in the signed-in user's zone, that user, and the request's own extra parameters and services.
/// </summary>
public sealed class CalendarFeedRequest
{
    private readonly HttpContext http;

    internal CalendarFeedRequest(HttpContext http, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, ICurrentUser user)
    {
        this.http = http;
        Start = start;
        End = end;
        Zone = zone;
        User = user;
    }

    /// <summary>Start of the window, inclusive.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>End of the window, exclusive.</summary>
    public DateTimeOffset End { get; }

    /// <summary>The signed-in user's zone, whose wall clock the entries speak.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The signed-in user.</summary>
    public ICurrentUser User { get; }

    /// <summary>A query parameter besides start and end (e.g. "scope"), or null when absent.</summary>
    public string? Query(string name) => http.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    /// <summary>A service of this request (e.g. the mediator).</summary>
    public T Service<T>()
        where T : notnull => http.RequestServices.GetRequiredService<T>();

    /// <summary><paramref name="instant"/> as the wall-clock time of <see cref="Zone"/>, as entries carry it.</summary>
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
}
