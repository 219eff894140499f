using Mediator;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.UI.Components;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.UI.Home;

/// <summary>
/// "Who's out" on Home: one <see cref="GetWhosOut"/> for this week (Monday to Sunday), so its rules hold (my unit; a
/// manager's people too; Admin everyone; a private type shown as "Out of office"). Live on leave requests.
/// </summary>
public sealed partial class WhosOutSection
{
    /// <summary>Rows per group before "and N more": the page has the whole list.</summary>
    internal const int MaxRows = 5;

    private IReadOnlyList<PersonOut>? people;
    private string? error;
    private DateOnly today;

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics { get; } = [LeaveTopics.Requests];

    private string Scope => CurrentUser.IsInRole(Roles.Admin) ? "Everyone."
        : CurrentUser.IsInRole(Roles.Manager) ? "Your unit and your people." : "Your unit.";

    private List<PersonOut> Today => [.. (people ?? []).Where(p => p.FirstDay <= today && p.LastDay >= today).OrderBy(p => p.PersonName, StringComparer.OrdinalIgnoreCase)];

    private List<PersonOut> LaterThisWeek => [.. (people ?? []).Where(p => p.FirstDay > today || p.LastDay < today).Where(p => p.LastDay >= today)
        .OrderBy(p => p.FirstDay).ThenBy(p => p.PersonName, StringComparer.OrdinalIgnoreCase)];

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => RefreshAsync();

    /// <inheritdoc />
    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        today = WallClock.ToLocalDate(Clock.GetUtcNow(), OfficeTime.Zone(CurrentUser.TimeZoneId));
        var week = WhosOutWindow.Around(today).Single(w => w.Key == "week");
        try
        {
            // From today: who was out earlier this week is no news on Home.
            people = await Mediator.Send(new GetWhosOut(today, week.To));
            error = null;
        }
        catch (UserFacingException ex)
        {
            error = ex.Message;
        }
    }
}
