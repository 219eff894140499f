using Bunit;
using MudBlazor;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.UI.Events;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.UI.Tests;

/// <summary>The organizer sees "On leave" beside invited people who are away during the occurrence, and never the leave type.</summary>
public sealed class EventDetailsOnLeaveTests : DialogTestContext
{
    private static readonly DateTimeOffset Start = new(2026, 12, 15, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Details_WhenAnInvitedPersonIsOnLeave_ThenMarksOnlyThemOnLeave()
    {
        var eventId = Guid.NewGuid();
        var colleague = Guid.NewGuid();
        Mediator.Answer<GetEventDetails>(_ => new EventDetails(
            eventId, null, "Planning", null, null, Start, Start.AddHours(1), Start, "Asia/Manila", false, null, EventVisibility.Normal, null, null, false, false,
            new ParticipantView(FakeDirectory.Me.Id, FakeDirectory.Me.DisplayName, null, ParticipantResponse.Accepted, null),
            [
                new ParticipantView(FakeDirectory.Maria.Id, "Maria Santos", null, ParticipantResponse.NeedsAction, null),
                new ParticipantView(colleague, "Tomas Reyes", null, ParticipantResponse.Accepted, null),
            ],
            CanEdit: true, DetailsHidden: false, MyResponse: null, OnLeave: [FakeDirectory.Maria.Id]));

        await ShowAsync(new DialogParameters<EventDetailsDialog> { { d => d.EventId, eventId } });

        Provider.WaitForAssertion(() => Provider.FindAll("[data-testid=details-participant]").Count.ShouldBe(2));
        var people = Provider.FindAll("[data-testid=details-participant]");
        var maria = people.Single(p => p.TextContent.Contains("Maria Santos", StringComparison.Ordinal));
        maria.QuerySelector("[data-testid=participant-on-leave]")!.TextContent.Trim().ShouldBe("On leave");
        people.Single(p => p.TextContent.Contains("Tomas Reyes", StringComparison.Ordinal)).QuerySelector("[data-testid=participant-on-leave]").ShouldBeNull();
        Provider.Markup.ShouldNotContain("Sick");
    }
}
