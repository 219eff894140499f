using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Features.Home;
using OobcCalendar.Modules.Resources.UI.Home;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.UI;

/// <summary>Resources' card on Home: upcoming and recently decided bookings, what waits for an approver, the empty state.</summary>
public sealed class BookingsHomeSectionTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero); // 9:00 AM in Manila
    private static readonly DirectoryUser Requester = new(Guid.NewGuid(), "Amina Datu", "amina@oobc.gov.ph", null, null, null, "Asia/Manila", [Roles.Staff], true);
    private readonly FakeMediator mediator;
    private readonly InMemoryLiveUpdates live = new();

    public BookingsHomeSectionTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        (var sender, mediator) = FakeMediator.Create();
        Services.AddSingleton(sender);
        Services.AddSingleton<ILiveUpdates>(live);
        var me = new TestCurrentUser { UserId = Guid.NewGuid() };
        me.Roles.Add(Roles.Staff);
        Services.AddSingleton<ICurrentUser>(me);
        Services.AddSingleton<IUserDirectory>(new OneUserDirectory(Requester));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void BookingsCard_WhenIHaveUpcomingAndRejectedBookings_ThenShowsStatusAndTheReason()
    {
        Answer(new HomeBookings([Booking("Training Hall", BookingStatus.Pending)], [Booking("Van 2", BookingStatus.Rejected, "Van is in the workshop")], false, 0, []));

        var card = Render<BookingsHomeSection>();

        var upcoming = card.Find("[data-testid=home-bookings-upcoming]");
        upcoming.TextContent.ShouldContain("Training Hall");
        upcoming.QuerySelector("[data-testid=home-booking-status]")!.TextContent.ShouldBe("Pending");
        var decided = card.Find("[data-testid=home-bookings-decided]");
        decided.QuerySelector("[data-testid=home-booking-status]")!.TextContent.ShouldBe("Rejected");
        decided.QuerySelector("[data-testid=home-booking-reason]")!.TextContent.ShouldBe("Reason: Van is in the workshop");
        card.FindAll("[data-testid=home-approvals]").ShouldBeEmpty();
    }

    [Fact]
    public void BookingsCard_WhenRequestsWaitForAnApprover_ThenCountsThemAndListsTheOldestWithALink()
    {
        var waiting = Booking("Conference Room A", BookingStatus.Pending) with { RequesterId = Requester.Id };
        Answer(new HomeBookings([], [], true, 5, [waiting]));

        var card = Render<BookingsHomeSection>();

        card.Find("[data-testid=home-approvals-count]").TextContent.ShouldBe("5 requests wait for you");
        card.Find("[data-testid=home-approval]").TextContent.ShouldContain("Amina Datu: Weekly sync");
        card.Find("[data-testid=home-approvals-open]").GetAttribute("href").ShouldBe("/resources/approvals");
    }

    [Fact]
    public void BookingsCard_WhenThereIsNothing_ThenShowsTheEmptyStateAndNothingForApprovers()
    {
        Answer(new HomeBookings([], [], false, 0, []));

        var card = Render<BookingsHomeSection>();

        card.Find(".oobc-empty-state").TextContent.ShouldContain("No upcoming bookings");
        card.Find("[data-testid=home-bookings-book]").GetAttribute("href").ShouldBe("/resources");
        card.FindAll("[data-testid=home-booking]").ShouldBeEmpty();
        card.FindAll("[data-testid=home-approvals]").ShouldBeEmpty();
    }

    [Fact]
    public async Task BookingsCard_WhenABookingIsDecidedElsewhere_ThenReadsAgainWithoutAReload()
    {
        var state = new HomeBookings([Booking("Training Hall", BookingStatus.Pending)], [], false, 0, []);
        mediator.Answer<GetHomeBookings>(_ => state);
        var card = Render<BookingsHomeSection>();
        card.Find("[data-testid=home-booking-status]").TextContent.ShouldBe("Pending");

        state = state with { Upcoming = [state.Upcoming[0] with { Status = BookingStatus.Approved }] };
        await card.InvokeAsync(() => live.PublishAsync(new LiveUpdate(ResourcesTopics.Bookings, Guid.NewGuid().ToString(), "approved"), CancellationToken.None));

        card.WaitForAssertion(() => card.Find("[data-testid=home-booking-status]").TextContent.ShouldBe("Approved"));
    }

    private void Answer(HomeBookings home) => mediator.Answer<GetHomeBookings>(_ => home);

    private static BookingItem Booking(string resource, BookingStatus status, string? reason = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), resource, "Room", Guid.NewGuid(), Monday, Monday.AddHours(1), "Weekly sync", null, status,
        Monday.AddDays(-2), null, null, reason, null);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private sealed class OneUserDirectory(DirectoryUser user) : IUserDirectory
    {
        public Task<DirectoryUser?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(id == user.Id ? user : null);

        public Task<IReadOnlyList<DirectoryUser>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DirectoryUser>>(ids.Contains(user.Id) ? [user] : []);

        public Task<IReadOnlyList<DirectoryUser>> SearchAsync(string text, int take, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DirectoryUser>>([user]);

        public Task<IReadOnlyList<DirectoryUser>> InRoleAsync(string role, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DirectoryUser>>([user]);
    }
}
