using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Feeds;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Sharing.Tests.Features;

[Collection(SharingCollection.Name)]
public sealed class ShareLinkTests(SharingFixture fixture)
{
    [Fact]
    public async Task Create_WhenValid_StoresOnlyTheHashAndAPrefixAndExpiresIn30Days()
    {
        var now = fixture.Clock.GetUtcNow();
        var created = await fixture.ShareMineAsync(fixture.StaffNo(3));

        created.Token.Length.ShouldBe(43);
        Convert.FromBase64String(created.Token.Replace('-', '+').Replace('_', '/') + "=").Length.ShouldBe(32);
        var link = await fixture.LinkAsync(created.Id);
        link.TokenHash.ShouldBe(SHA256.HashData(Encoding.UTF8.GetBytes(created.Token)));
        link.TokenPrefix.ShouldBe(created.Token[..6]);
        link.ExpiresAt.ShouldBe(now.AddDays(30));
        link.OwnerId.ShouldBe(fixture.StaffNo(3).Id);
        link.ScopeId.ShouldBe(fixture.StaffNo(3).Id);
        link.CreatedAt.ShouldBe(now);
    }

    [Fact]
    public async Task Create_TwoLinks_GetDifferentTokens()
    {
        var first = await fixture.ShareMineAsync(fixture.Staff);
        var second = await fixture.ShareMineAsync(fixture.Staff);

        first.Token.ShouldNotBe(second.Token);
    }

    [Fact]
    public async Task List_AfterCreate_ShowsThePrefixButNeverTheToken()
    {
        var created = await fixture.ShareMineAsync(fixture.StaffNo(4), label: "List check");

        var mine = await fixture.SendAs<IReadOnlyList<ShareLinkSummary>>(fixture.StaffNo(4), new ListMyShareLinks());

        var summary = mine.Single(l => l.Id == created.Id);
        summary.TokenPrefix.ShouldBe(created.Token[..6]);
        summary.ToString().ShouldNotContain(created.Token);
        summary.Works.ShouldBeTrue();
    }

    [Fact]
    public async Task Create_WhenLabelEmpty_RefusesWithAMessage()
    {
        var error = await Should.ThrowAsync<InputValidationException>(() =>
            fixture.SendAs<CreatedShareLink>(fixture.Staff, new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.Events, ShareDetailLevel.Titles, " ")));

        error.Message.ShouldContain("label");
    }

    [Fact]
    public async Task Create_WhenExpiryBeyondTheAdminMaximum_Refuses()
    {
        await fixture.SendAs<Mediator.Unit>(fixture.Admin, new SetMaxShareExpiry(90));
        try
        {
            var error = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<CreatedShareLink>(
                fixture.Staff, new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.Events, ShareDetailLevel.Titles, "Long", fixture.Clock.GetUtcNow().AddDays(91))));

            error.Message.ShouldContain("90 days");
        }
        finally
        {
            await fixture.SendAs<Mediator.Unit>(fixture.Admin, new SetMaxShareExpiry(SharingSettings.DefaultMaxExpiryDays));
        }
    }

    [Fact]
    public async Task SetMaxExpiry_WhenNotAdmin_IsForbidden()
    {
        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<Mediator.Unit>(fixture.Manager, new SetMaxShareExpiry(10)));
    }

    [Fact]
    public async Task Create_OfficeScope_WhenNotAdmin_IsForbidden()
    {
        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<CreatedShareLink>(
            fixture.Manager, new CreateShareLink(ShareScope.Office, null, ShareModules.Events, ShareDetailLevel.BusyOnly, "Office")));
    }

    [Fact]
    public async Task Create_UnitScope_ForTheirOwnUnit_WorksForItsManagerOnly()
    {
        var unit = fixture.Manager.OrganisationUnitId!.Value;

        var created = await fixture.SendAs<CreatedShareLink>(fixture.Manager, new CreateShareLink(ShareScope.Unit, unit, ShareModules.Events, ShareDetailLevel.BusyOnly, "Ops unit"));

        (await fixture.LinkAsync(created.Id)).ScopeId.ShouldBe(unit);
        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<CreatedShareLink>(
            fixture.OtherManager, new CreateShareLink(ShareScope.Unit, unit, ShareModules.Events, ShareDetailLevel.BusyOnly, "Not mine")));
        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<CreatedShareLink>(
            fixture.Staff, new CreateShareLink(ShareScope.Unit, unit, ShareModules.Events, ShareDetailLevel.BusyOnly, "Staff")));
    }

    [Fact]
    public async Task Open_WithTheToken_CountsTheViewAndAnswersTheLevel()
    {
        var created = await fixture.ShareMineAsync(fixture.Staff, ShareDetailLevel.Details);

        var access = await fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(created.Token, null));
        await fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(created.Token, null));

        access.Level.ShouldBe(ShareDetailLevel.Details);
        // Views are counted in memory and written every few seconds (ADR 0033); write them now.
        await fixture.App.Services.GetRequiredService<ShareViewCounter>().FlushAsync(CancellationToken.None);
        var link = await fixture.LinkAsync(created.Id);
        link.ViewCount.ShouldBe(2);
        link.LastViewedAt.ShouldBe(fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Open_UnknownRevokedPausedAndExpiredTokens_AnswerAlike()
    {
        var revoked = await fixture.ShareMineAsync(fixture.Staff);
        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new RevokeShareLink(revoked.Id));
        var paused = await fixture.ShareMineAsync(fixture.Staff);
        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new SetShareLinkActive(paused.Id, false));
        var expiring = await fixture.SendAs<CreatedShareLink>(fixture.Staff, new CreateShareLink(
            ShareScope.MyCalendar, null, ShareModules.Events, ShareDetailLevel.Titles, "Short", fixture.Clock.GetUtcNow().AddMinutes(1)));

        var answers = new List<string>();
        foreach (var token in new[] { "x", new string('A', 43), revoked.Token, paused.Token })
        {
            answers.Add((await Should.ThrowAsync<ShareUnavailableException>(() => fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(token, null)))).Message);
        }

        // The shared clock only moves forward: every other test reads it rather than assuming Now.
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        answers.Add((await Should.ThrowAsync<ShareUnavailableException>(() => fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(expiring.Token, null)))).Message);

        answers.Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task SetActive_WhenResumed_OpensAgain()
    {
        var created = await fixture.ShareMineAsync(fixture.Staff);
        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new SetShareLinkActive(created.Id, false));

        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new SetShareLinkActive(created.Id, true));

        (await fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(created.Token, null))).LinkId.ShouldBe(created.Id);
    }

    [Fact]
    public async Task Revoke_ThenResumeOrRegenerate_IsRefused()
    {
        var created = await fixture.ShareMineAsync(fixture.Staff);
        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new RevokeShareLink(created.Id));

        await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<Mediator.Unit>(fixture.Staff, new SetShareLinkActive(created.Id, true)));
        await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<string>(fixture.Staff, new RegenerateShareToken(created.Id)));
    }

    [Fact]
    public async Task Regenerate_KillsTheOldTokenAndTheNewOneOpens()
    {
        var created = await fixture.ShareMineAsync(fixture.Staff);

        var fresh = await fixture.SendAs<string>(fixture.Staff, new RegenerateShareToken(created.Id));

        fresh.ShouldNotBe(created.Token);
        await Should.ThrowAsync<ShareUnavailableException>(() => fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(created.Token, null)));
        (await fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(fresh, null))).LinkId.ShouldBe(created.Id);
        (await fixture.LinkAsync(created.Id)).TokenPrefix.ShouldBe(fresh[..6]);
    }

    [Fact]
    public async Task Change_ByAnotherStaffMember_AnswersNotFound_ButAnAdminMay()
    {
        var created = await fixture.ShareMineAsync(fixture.Staff);

        await Should.ThrowAsync<NotFoundException>(() => fixture.SendAs<Mediator.Unit>(fixture.StaffNo(2), new RevokeShareLink(created.Id)));
        await fixture.SendAs<Mediator.Unit>(fixture.Admin, new RevokeShareLink(created.Id));

        (await fixture.LinkAsync(created.Id)).RevokedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Open_WithAPin_NeedsTheRightPinAndStoresItHashed()
    {
        var created = await fixture.ShareMineAsync(fixture.Staff, pin: "482913");

        await Should.ThrowAsync<SharePinRequiredException>(() => fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(created.Token, null)));
        await Should.ThrowAsync<SharePinRequiredException>(() => fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(created.Token, "111111")));
        (await fixture.SendAs<ShareAccess>(fixture.Staff, new OpenShareLink(created.Token, "482913"))).LinkId.ShouldBe(created.Id);
        (await fixture.LinkAsync(created.Id)).PinHash!.ShouldNotContain("482913");
    }

    [Fact]
    public async Task ListAll_WhenAdmin_ShowsEveryonesLinks_AndRefusesOthers()
    {
        var created = await fixture.ShareMineAsync(fixture.StaffNo(5), label: "Admin sees this");

        var all = await fixture.SendAs<IReadOnlyList<ShareLinkSummary>>(fixture.Admin, new ListAllShareLinks());

        all.ShouldContain(l => l.Id == created.Id && l.OwnerId == fixture.StaffNo(5).Id);
        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<IReadOnlyList<ShareLinkSummary>>(fixture.Manager, new ListAllShareLinks()));
    }
}
