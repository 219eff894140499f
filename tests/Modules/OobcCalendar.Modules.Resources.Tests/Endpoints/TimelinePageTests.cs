using System.Net;
using OobcCalendar.Modules.Resources.Tests.Features;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Endpoints;

/// <summary>The availability page as the server first renders it, for dates typed into its address.</summary>
[Collection(ResourcesCollection.Name)]
public sealed class TimelinePageTests(ResourcesFixture fixture)
{
    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task Timeline_WhenTheDateIsOutsideTheLimits_ShowsTodayWithANoteInsteadOfAnError(string date)
    {
        using var client = await fixture.SignedInClientAsync(fixture.Staff);

        using var response = await client.GetAsync(new Uri($"/resources/timeline?date={date}", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain($"There is nothing to show on {date}: pick a date from 1900-01-01 to 2200-12-31. Showing today instead.");
        page.ShouldContain("data-testid=\"timeline-title\"");
    }
}
