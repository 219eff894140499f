using System.Text.Json;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using OobcCalendar.Host.Components.Pages.Calendar;
using OobcCalendar.Modules.Resources;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.UI.Calendar;
using Shouldly;

namespace OobcCalendar.Host.Tests;

public sealed class CalendarPageTests : BunitContext, IAsyncLifetime
{
    public CalendarPageTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void FeedParams_WhenCategoriesChosen_ThenListsThemWithScopeAndDeclined()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        var query = new CalendarPreferences(CalendarScopeChoice.Unit, [first, second], ShowDeclined: true).FeedParams();

        query["scope"].ShouldBe("unit");
        query["showDeclined"].ShouldBe("true");
        query["categories"].ShouldBe($"{first},{second}");
    }

    [Fact]
    public void FeedParams_WhenNoCategoryChosen_ThenLeavesCategoriesOut()
    {
        var query = new CalendarPreferences().FeedParams();

        query.ShouldNotContainKey("categories");
        query["scope"].ShouldBe("mine");
        query["showDeclined"].ShouldBe("false");
    }

    [Fact]
    public async Task EntryDetails_WhenBookingClicked_ThenShowsItReadOnlyWithALinkToMyBookings()
    {
        var provider = Render<MudDialogProvider>();
        var props = JsonSerializer.SerializeToElement(new { kind = "booking", bookingId = Guid.NewGuid(), status = "Approved", resourceName = "Board room" });
        var entry = new CalendarEntry("booking:1", "bookings", "Board room: Budget hearing", new DateTime(2026, 12, 2, 9, 0, 0), new DateTime(2026, 12, 2, 11, 30, 0), false, props);
        // The feed as Resources registers it: the booking facts and the link come from its details component.
        var feed = ResourcesFeed();

        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<EntryDetailsDialog>(
            entry.Title, new DialogParameters<EntryDetailsDialog> { { d => d.Entry, entry }, { d => d.Feed, feed } }));

        provider.Markup.ShouldContain("Wed 2 Dec 2026, 9:00 AM – 11:30 AM");
        provider.Markup.ShouldContain("Board room");
        provider.Markup.ShouldContain("Approved");
        provider.Markup.ShouldContain("From Resource bookings");
        provider.Find("[data-testid=entry-open-bookings]").GetAttribute("href").ShouldBe("/resources/bookings");
    }

    private static CalendarFeed ResourcesFeed()
    {
        var services = new ServiceCollection().AddResourcesModule(new ConfigurationBuilder().Build());
        var module = (ModuleDefinition)services.Single(d => d.ServiceType == typeof(ModuleDefinition)).ImplementationInstance!;
        return module.CalendarFeeds.Single(f => f.Key == "bookings");
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
