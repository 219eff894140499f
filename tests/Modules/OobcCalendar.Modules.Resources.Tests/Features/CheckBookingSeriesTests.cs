using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Tests.Domain;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Features;

[Collection(ResourcesCollection.Name)]
public sealed class CheckBookingSeriesTests(ResourcesFixture fixture)
{
    [Fact]
    public async Task CheckBookingSeries_WhenTheFirstEndsBeforeItStarts_ThenTheValidatorSaysSo()
    {
        var room = await fixture.RoomAsync();

        // A shape check (ADR 0008): the validator answers before the handler looks anything up.
        var error = await Should.ThrowAsync<InputValidationException>(() =>
            fixture.SendAs<IReadOnlyList<SeriesOccurrence>>(fixture.Staff, new CheckBookingSeries(room, Make.At(8, 11), Make.At(8, 10), "FREQ=WEEKLY;COUNT=3", 2)));

        error.Errors["FirstEnd"].ShouldBe(["The end must be after the start."]);
    }

    [Fact]
    public async Task CheckBookingSeries_WhenTheSeriesIsWellFormed_ThenAnswersEachOccurrence()
    {
        var room = await fixture.RoomAsync();

        var occurrences = await fixture.SendAs<IReadOnlyList<SeriesOccurrence>>(
            fixture.Staff, new CheckBookingSeries(room, Make.At(8, 10), Make.At(8, 11), "FREQ=DAILY;COUNT=3", 2));

        occurrences.Count.ShouldBe(3);
        occurrences.ShouldAllBe(o => o.End - o.Start == TimeSpan.FromHours(1));
    }
}
