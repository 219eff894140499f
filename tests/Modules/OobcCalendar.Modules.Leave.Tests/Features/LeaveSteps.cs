using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Tests.Features;

/// <summary>Steps the handler tests share: leave type ids, credits, requests, and a look into the database.</summary>
internal static class LeaveSteps
{
    public static async Task<Guid> TypeIdAsync(this LeaveFixture fixture, string code)
    {
        await using var db = await fixture.DbAsync();
        return await db.LeaveTypes.Where(t => t.Settings.Code == code).Select(t => t.Id).SingleAsync();
    }

    public static Task<LeaveDbContext> DbAsync(this LeaveFixture fixture) =>
        fixture.App.Services.GetRequiredService<IDbContextFactory<LeaveDbContext>>().CreateDbContextAsync();

    /// <summary>Admin credits <paramref name="days"/> of <paramref name="code"/> to <paramref name="person"/>.</summary>
    public static async Task CreditAsync(this LeaveFixture fixture, DirectoryUser person, string code, decimal days) =>
        await fixture.SendAs<Guid>(fixture.Admin, new AdjustBalance(person.Id, await fixture.TypeIdAsync(code), days, "Opening balance"));

    public static async Task<decimal?> AvailableAsync(this LeaveFixture fixture, DirectoryUser person, string code) =>
        (await fixture.SendAs<IReadOnlyList<LeaveBalance>>(person, new GetMyBalances())).Single(b => b.Code == code).Available;

    public static async Task<LeaveRequestReceipt> FileAsync(
        this LeaveFixture fixture, DirectoryUser person, string code, DateOnly first, DateOnly last,
        DayPart firstPart = DayPart.Full, DayPart lastPart = DayPart.Full, LeaveDocumentUpload? document = null) =>
        await fixture.SendAs<LeaveRequestReceipt>(person, new SubmitLeaveRequest(await fixture.TypeIdAsync(code), first, last, firstPart, lastPart, "Family matters", null, document));

    public static async Task<int> OutboxCountAsync(this LeaveFixture fixture, string eventName, Guid requestId)
    {
        await using var db = await fixture.DbAsync();
        var type = $"%{eventName}%";
        var id = $"%{requestId}%";
        return await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM leave.outbox_messages WHERE type LIKE {type} AND payload::text LIKE {id}").SingleAsync();
    }

    public static DateOnly D(int month, int day) => new(2027, month, day);

    public const string VL = CivilServiceLeaveTypes.Vacation;
    public const string SL = CivilServiceLeaveTypes.Sick;
    public const string LWOP = CivilServiceLeaveTypes.WithoutPay;
}
