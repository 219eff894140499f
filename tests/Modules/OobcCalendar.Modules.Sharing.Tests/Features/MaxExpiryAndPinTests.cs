using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Feeds;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Modules.Sharing.Features.Pins;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Sharing.Tests.Features;

/// <summary>The Admin's longest expiry (validated, ADR 0032) and the wrong-PIN lockout of a link.</summary>
[Collection(SharingCollection.Name)]
public sealed class MaxExpiryAndPinTests(SharingFixture fixture)
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(3651)]
    public async Task SetMaxExpiry_WhenOutOfRange_RefusesWithAMessageAndKeepsTheOldValue(int days)
    {
        var before = await fixture.SendAs<int>(fixture.Admin, new GetMaxShareExpiry());

        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.SendAs<Mediator.Unit>(fixture.Admin, new SetMaxShareExpiry(days)));

        error.Message.ShouldBe("The longest expiry must be between 1 and 3650 days.");
        (await fixture.SendAs<int>(fixture.Admin, new GetMaxShareExpiry())).ShouldBe(before);
    }

    [Fact]
    public async Task SetMaxExpiry_WhenValid_IsWhatNewLinksAreHeldTo()
    {
        var before = await fixture.SendAs<int>(fixture.Admin, new GetMaxShareExpiry());
        try
        {
            await fixture.SendAs<Mediator.Unit>(fixture.Admin, new SetMaxShareExpiry(45));

            (await fixture.SendAs<int>(fixture.Admin, new GetMaxShareExpiry())).ShouldBe(45);
            var now = fixture.Clock.GetUtcNow();
            await fixture.SendAs<CreatedShareLink>(fixture.Staff, new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.Events, ShareDetailLevel.Titles, "Within", now.AddDays(45)));
            var error = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CreatedShareLink>(fixture.Staff,
                new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.Events, ShareDetailLevel.Titles, "Beyond", now.AddDays(46))));
            error.Message.ShouldContain("at most 45 days");
        }
        finally
        {
            await fixture.SendAs<Mediator.Unit>(fixture.Admin, new SetMaxShareExpiry(before));
        }
    }

    [Fact]
    public async Task Open_AfterFiveWrongPins_RefusesEvenTheRightOneUntilTheWindowHasPassed()
    {
        var created = await fixture.ShareMineAsync(fixture.StaffNo(2), pin: "7391", label: "Locked");
        // Opening without a PIN is no guess: it never counts.
        for (var i = 0; i < 10; i++)
        {
            await Should.ThrowAsync<SharePinRequiredException>(() => fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(created.Token, null)));
        }

        for (var i = 0; i < SharePinAttempts.MaxWrong; i++)
        {
            await Should.ThrowAsync<SharePinRequiredException>(() => fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(created.Token, $"000{i}")));
        }

        var locked = await Should.ThrowAsync<SharePinLockedException>(() => fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(created.Token, "7391")));
        locked.Message.ShouldBe("Too many wrong PINs. Try again in 15 minutes.");

        fixture.Clock.Advance(SharePinAttempts.Window);
        (await fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(created.Token, "7391"))).Label.ShouldBe("Locked");
    }
}
