using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>A check-in desk account is a shared login at reception: it reads the calendar, it organises nothing.</summary>
[Collection(SchedulingCollection.Name)]
public sealed class DeskAccountTests(SchedulingFixture fixture)
{
    [Fact]
    public async Task CreateEvent_WhenTheCallerIsACheckInDesk_IsRefused_ButStaffMayCreateTheSame()
    {
        var desk = fixture.DemoUser("desk1@oobc.gov.ph");
        var title = $"Desk meeting {Guid.NewGuid():N}";

        var error = await Should.ThrowAsync<ForbiddenException>(() =>
            fixture.SendAs<Guid>(desk, new CreateEvent(Drafts.Single(new DateTimeOffset(2027, 4, 5, 2, 0, 0, TimeSpan.Zero), title: title))));

        error.Message.ShouldContain("Check-in desk accounts cannot create events");
        var created = await fixture.SendAs<Guid>(fixture.Staff, new CreateEvent(Drafts.Single(new DateTimeOffset(2027, 4, 5, 2, 0, 0, TimeSpan.Zero), title: title)));
        created.ShouldNotBe(Guid.Empty);
    }
}
