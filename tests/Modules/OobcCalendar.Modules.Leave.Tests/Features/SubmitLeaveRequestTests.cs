using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Features.LeaveSteps;

namespace OobcCalendar.Modules.Leave.Tests.Features;

/// <summary>Staff1 files in March and April 2027; each test uses its own weeks so requests never collide.</summary>
[Collection(LeaveCollection.Name)]
public sealed class SubmitLeaveRequestTests(LeaveFixture fixture)
{
    [Fact]
    public async Task Submit_WhenValid_IsPendingWithTheManagerAndPublishesRequestedInTheSameCommit()
    {
        await fixture.CreditAsync(fixture.Staff, VL, 5m);

        var receipt = await fixture.FileAsync(fixture.Staff, VL, D(3, 15), D(3, 16));

        receipt.Status.ShouldBe("Pending");
        receipt.Days.ShouldBe(2m);
        receipt.ApproverIds.ShouldBe([fixture.Manager.Id]);
        (await fixture.OutboxCountAsync("LeaveRequestedIntegrationEvent", receipt.RequestId)).ShouldBe(1);
    }

    [Fact]
    public async Task Submit_WhenItCostsMoreThanIsAvailable_RefusesWithBothFiguresAndSavesNothing()
    {
        var person = fixture.StaffNo(2);
        await fixture.CreditAsync(person, SL, 1m);
        var available = await fixture.AvailableAsync(person, SL);

        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.FileAsync(person, SL, D(3, 1), D(3, 5)));

        error.Errors["LastDay"].ShouldHaveSingleItem().ShouldBe($"This costs 5 days but you have {available:0.###} days of sick leave left.");
        await using var db = await fixture.DbAsync();
        (await db.Requests.CountAsync(r => r.PersonId == person.Id && r.FirstDay == D(3, 1))).ShouldBe(0);
    }

    [Fact]
    public async Task Submit_WhenPendingRequestsHoldTheCredits_CountsThemAgainstTheBalance()
    {
        var person = fixture.StaffNo(3);
        await fixture.CreditAsync(person, SL, 2m);
        await fixture.FileAsync(person, SL, D(3, 2), D(3, 3));

        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.FileAsync(person, SL, D(3, 4), D(3, 4)));

        error.Errors["LastDay"].ShouldHaveSingleItem().ShouldContain("you have 0 days");
    }

    [Fact]
    public async Task Submit_WhenItOverlapsAPendingRequest_SaysWhichOneInPlainWords()
    {
        await fixture.FileAsync(fixture.Staff, LWOP, D(4, 5), D(4, 7));

        var error = await Should.ThrowAsync<ConflictException>(() => fixture.FileAsync(fixture.Staff, LWOP, D(4, 7), D(4, 9)));

        error.Message.ShouldBe("You already have leave without pay from Mon 5 to Wed 7 Apr 2027 (pending): cancel it or choose other days.");
    }

    [Fact]
    public async Task Submit_WhenAMorningIsTakenAndTheAfternoonIsAsked_BothStand()
    {
        await fixture.FileAsync(fixture.Staff, LWOP, D(4, 12), D(4, 12), DayPart.Morning);

        var afternoon = await fixture.FileAsync(fixture.Staff, LWOP, D(4, 12), D(4, 12), DayPart.Afternoon);

        afternoon.Days.ShouldBe(0.5m);
    }

    [Fact]
    public async Task Submit_WhenVacationHasTooLittleNotice_SaysTheEarliestDay()
    {
        await fixture.CreditAsync(fixture.Staff, VL, 1m);

        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.FileAsync(fixture.Staff, VL, D(3, 3), D(3, 3)));

        error.Errors["FirstDay"].ShouldHaveSingleItem().ShouldBe("Vacation leave needs 5 working days' notice: the earliest first day you can ask for now is Tue 9 Mar 2027.");
    }

    [Fact]
    public async Task Submit_WhenTheDatesAreInTheWrongOrder_RefusesBeforeAnyWork()
    {
        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.FileAsync(fixture.Staff, LWOP, D(4, 20), D(4, 19)));

        error.Errors["LastDay"].ShouldContain("The last day must be on or after the first day.");
    }

    [Fact]
    public async Task Submit_WhenLongSickLeaveHasNoDocument_AsksForOne()
    {
        var person = fixture.StaffNo(4);
        await fixture.CreditAsync(person, SL, 10m);

        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.FileAsync(person, SL, D(3, 15), D(3, 22))); // six working days

        error.Errors["Document"].ShouldHaveSingleItem().ShouldContain("needs a supporting document");
    }

    [Fact]
    public async Task Submit_WhenLongSickLeaveHasAPdf_StoresTheDocumentWithTheRequest()
    {
        var person = fixture.StaffNo(4);
        await fixture.CreditAsync(person, SL, 10m);
        var pdf = new LeaveDocumentUpload("certificate.pdf", "application/pdf", [.. "%PDF-1.7 medical certificate"u8]);

        var receipt = await fixture.FileAsync(person, SL, D(4, 19), D(4, 26), document: pdf);

        await using var db = await fixture.DbAsync();
        var stored = await db.Documents.SingleAsync(d => d.RequestId == receipt.RequestId);
        stored.FileName.ShouldBe("certificate.pdf");
        stored.Size.ShouldBe(pdf.Content.Length);
    }

    [Fact]
    public async Task Submit_WhenTheDocumentIsNotReallyAPdf_RefusesIt()
    {
        var fake = new LeaveDocumentUpload("certificate.pdf", "application/pdf", [0x4D, 0x5A, 0x90, 0x00]);

        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.FileAsync(fixture.Staff, LWOP, D(4, 26), D(4, 26), document: fake));

        error.Errors["Document"].ShouldHaveSingleItem().ShouldBe("certificate.pdf is not a PDF, JPEG or PNG file.");
    }

    [Fact]
    public async Task Submit_WhenTheDocumentIsTooLarge_SaysTheLimit()
    {
        var big = new byte[(5 * 1024 * 1024) + 1];
        "%PDF-"u8.CopyTo(big);

        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.FileAsync(fixture.Staff, LWOP, D(4, 27), D(4, 27),
            document: new LeaveDocumentUpload("scan.pdf", "application/pdf", big)));

        error.Errors["Document"].ShouldHaveSingleItem().ShouldBe("The document is 5 MB; the limit is 5 MB.");
    }

    [Fact]
    public async Task Submit_WhenAHalfDayOfAWholeDayType_SaysSo()
    {
        await fixture.CreditAsync(fixture.Staff, "SPL", 1m);

        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.FileAsync(fixture.Staff, "SPL", D(5, 3), D(5, 3), DayPart.Afternoon));

        error.Errors["FirstDayPart"].ShouldHaveSingleItem().ShouldBe("Special privilege leave is taken in whole days only.");
    }

    [Fact]
    public async Task Preview_WhenAHolidayIsInside_ShowsTheDaysTheBalanceAfterAndTheHoliday()
    {
        var person = fixture.StaffNo(5);
        await fixture.CreditAsync(person, VL, 6m);
        var before = await fixture.AvailableAsync(person, VL);

        var preview = await fixture.SendAs<LeavePreview>(person, new PreviewLeaveRequest(await fixture.TypeIdAsync(VL), D(3, 22), D(3, 26), DayPart.Full, DayPart.Full, false));

        preview.Days.ShouldBe(3m);
        preview.BalanceAfter.ShouldBe(before - 3m);
        preview.HolidaysSkipped.ShouldBe(["Maundy Thursday (Thu 25 Mar)", "Good Friday (Fri 26 Mar)"]);
        preview.Problems.ShouldBeEmpty();
    }
}
