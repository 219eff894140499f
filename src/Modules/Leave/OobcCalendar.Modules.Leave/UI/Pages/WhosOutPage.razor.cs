using Mediator;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.UI.Components;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.UI.Pages;

/// <summary>
/// Who is on approved leave today, this week (Monday to Sunday) and this month: one <see cref="GetWhosOut"/> over the
/// union of the three, so the handler's rules (unit, team, everyone; private types as "Out of office") hold. Live.
/// </summary>
public partial class WhosOutPage
{
    private IReadOnlyList<PersonOut>? people;
    private string? error;
    private DateOnly today;

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override IReadOnlyCollection<string> LiveTopics => [LeaveTopics.Requests];

    private string Scope => CurrentUser.IsInRole(Roles.Admin)
        ? "Everyone on approved leave."
        : CurrentUser.IsInRole(Roles.Manager) ? "Your unit and the people who report to you, on approved leave." : "Your unit, on approved leave.";

    private IReadOnlyList<WhosOutWindow> Windows { get; set; } = [];

    protected override Task OnInitializedAsync() => RefreshAsync();

    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        today = WallClock.ToLocalDate(Clock.GetUtcNow(), OfficeTime.Zone(CurrentUser.TimeZoneId));
        Windows = WhosOutWindow.Around(today);
        var from = Windows.Min(w => w.From);
        var to = Windows.Max(w => w.To);
        try
        {
            people = await Mediator.Send(new GetWhosOut(from, to));
            error = null;
        }
        catch (UserFacingException ex)
        {
            error = ex.Message;
        }
    }

    private List<PersonOut> In(WhosOutWindow window) =>
        [.. (people ?? []).Where(p => p.FirstDay <= window.To && p.LastDay >= window.From).OrderBy(p => p.FirstDay).ThenBy(p => p.PersonName, StringComparer.OrdinalIgnoreCase)];
}
