using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Domain;

public sealed class ResourceRulesTests
{
    [Fact]
    public void EnsureBookable_WhenWithinEveryRule_Passes() =>
        Should.NotThrow(() => Make.Room().EnsureBookable(Make.At(7, 10), Make.At(7, 11), 5, Make.Now));

    [Fact]
    public void EnsureBookable_WhenTooLittleNotice_RefusesNamingTheNotice()
    {
        var error = Should.Throw<BusinessRuleException>(() => Make.Room().EnsureBookable(Make.At(7, 8, 30), Make.At(7, 9, 30), 1, Make.Now));

        error.Message.ShouldBe("Room needs at least 1 hour notice.");
    }

    [Fact]
    public void EnsureBookable_WhenBeyondAdvanceWindow_Refuses()
    {
        var room = Make.Room(new BookingRules { MaximumAdvanceDays = 30 });

        Should.Throw<BusinessRuleException>(() => room.EnsureBookable(Make.At(7, 10).AddDays(31), Make.At(7, 11).AddDays(31), 1, Make.Now))
            .Message.ShouldContain("at most 30 days ahead");
    }

    [Fact]
    public void EnsureBookable_WhenLongerThanMaximum_Refuses()
    {
        var room = Make.Room(new BookingRules { MaximumDurationMinutes = 120 });

        Should.Throw<BusinessRuleException>(() => room.EnsureBookable(Make.At(7, 10), Make.At(7, 13), 1, Make.Now))
            .Message.ShouldContain("at most 2 hours");
    }

    [Theory]
    [InlineData(6, 30, 8, 0)]
    [InlineData(18, 0, 19, 30)]
    public void EnsureBookable_WhenOutsideBookableHours_Refuses(int startHour, int startMinute, int endHour, int endMinute)
    {
        var error = Should.Throw<BusinessRuleException>(() =>
            Make.Room().EnsureBookable(Make.At(8, startHour, startMinute), Make.At(8, endHour, endMinute), 1, Make.Now));

        error.Message.ShouldContain("between 7:00 AM and 7:00 PM");
    }

    [Fact]
    public void EnsureBookable_WhenEndingExactlyAtClosing_Passes() =>
        Should.NotThrow(() => Make.Room().EnsureBookable(Make.At(8, 18), Make.At(8, 19), 1, Make.Now));

    [Fact]
    public void EnsureBookable_WhenOnClosedDay_RefusesNamingTheDay()
    {
        // 12 Dec 2026 is a Saturday; the default rules open Monday to Friday.
        Should.Throw<BusinessRuleException>(() => Make.Room().EnsureBookable(Make.At(12, 10), Make.At(12, 11), 1, Make.Now))
            .Message.ShouldBe("Room cannot be booked on Saturdays.");
    }

    [Fact]
    public void EnsureBookable_WhenAllDayResourceSpansDays_Passes()
    {
        var van = Make.Room(new BookingRules { OpensAt = TimeOnly.MinValue, ClosesAt = TimeOnly.MinValue, Days = BookingRules.EveryDayMask, MaximumDurationMinutes = 3 * 1440 });

        Should.NotThrow(() => van.EnsureBookable(Make.At(11, 6), Make.At(13, 18), null, Make.Now));
    }

    [Fact]
    public void EnsureBookable_WhenRestrictedHoursSpanDays_Refuses() =>
        Should.Throw<BusinessRuleException>(() => Make.Room(new BookingRules { MaximumDurationMinutes = 3000 }).EnsureBookable(Make.At(8, 17), Make.At(9, 9), 1, Make.Now));

    [Fact]
    public void EnsureBookable_WhenOverCapacity_RefusesWithBothNumbers()
    {
        Should.Throw<BusinessRuleException>(() => Make.Room(capacity: 6).EnsureBookable(Make.At(7, 10), Make.At(7, 11), 8, Make.Now))
            .Message.ShouldBe("Room holds 6 people; 8 are expected.");
    }

    [Fact]
    public void EnsureBookable_WhenDeactivated_Refuses()
    {
        var room = Make.Room();
        room.SetActive(false);

        Should.Throw<BusinessRuleException>(() => room.EnsureBookable(Make.At(7, 10), Make.At(7, 11), 1, Make.Now))
            .Message.ShouldContain("not available");
    }

    [Fact]
    public void CanBeApprovedBy_WhenApproversListed_OnlyThoseManagersOrAdmins()
    {
        var approver = Guid.NewGuid();
        var room = Resource.Create(Guid.NewGuid(), new ResourceDetails(ResourceKind.Room, "R", null, 5, [], null, true, [approver], "Asia/Manila", new BookingRules()), Make.Now);

        room.CanBeApprovedBy(approver, isManager: true, isAdmin: false).ShouldBeTrue();
        room.CanBeApprovedBy(Guid.NewGuid(), isManager: true, isAdmin: false).ShouldBeFalse();
        room.CanBeApprovedBy(Guid.NewGuid(), isManager: false, isAdmin: true).ShouldBeTrue();
        room.CanBeApprovedBy(approver, isManager: false, isAdmin: false).ShouldBeFalse();
    }
}
