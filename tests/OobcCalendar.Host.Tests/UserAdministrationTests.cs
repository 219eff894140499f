using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Host.Features.Users;
using OobcCalendar.Host.Identity;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using Shouldly;

namespace OobcCalendar.Host.Tests;

public sealed class UserAdministrationTests : IClassFixture<HostFixture>
{
    private readonly HostFixture fixture;

    public UserAdministrationTests(HostFixture fixture)
    {
        // Every test acts as the demo Admin unless it says otherwise.
        this.fixture = fixture;
        fixture.User.Roles.Clear();
        fixture.User.Roles.Add(Roles.Admin);
        fixture.User.UserId = AdminId(fixture).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task CreateUser_WhenCallerIsNotAdmin_IsForbiddenAndCreatesNothing()
    {
        fixture.User.Roles.Clear();
        fixture.User.Roles.Add(Roles.Manager);
        var before = await UserCountAsync();

        await Should.ThrowAsync<ForbiddenException>(() =>
            SendAsync(new CreateUser("Sneaky", $"sneaky.{Guid.NewGuid():N}@oobc.gov.ph", "Welcome2026", [Roles.Admin], null, null, "Asia/Manila")));

        (await UserCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task CreateUser_WhenValid_CreatesUserWhoCanSignIn()
    {
        var email = $"new.{Guid.NewGuid():N}@oobc.gov.ph";

        var id = await SendAsync(new CreateUser("Nur Hamsa", email, "Welcome2026", [Roles.Staff, Roles.CheckInDesk], null, null, "Asia/Manila"));

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(id.ToString());
        user.ShouldNotBeNull();
        user.DisplayName.ShouldBe("Nur Hamsa");
        (await users.CheckPasswordAsync(user, "Welcome2026")).ShouldBeTrue();
        (await users.GetRolesAsync(user)).OrderBy(r => r).ShouldBe([Roles.CheckInDesk, Roles.Staff]);
    }

    [Fact]
    public async Task CreateUser_WhenFieldsInvalid_ReportsEachFieldAndCreatesNothing()
    {
        var before = await UserCountAsync();

        var error = await Should.ThrowAsync<InputValidationException>(() =>
            SendAsync(new CreateUser("", "not-an-email", "short", [], null, null, "Mars/Olympus")));

        error.Errors.Keys.ShouldBe(["DisplayName", "Email", "Password", "Roles", "TimeZoneId"], ignoreOrder: true);
        error.Errors["Email"].ShouldContain(m => m.Contains("valid email", StringComparison.Ordinal));
        (await UserCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task CreateUser_WhenEmailTaken_RefusesWithFieldMessage()
    {
        var error = await Should.ThrowAsync<InputValidationException>(() =>
            SendAsync(new CreateUser("Second Admin", "admin@oobc.gov.ph", "Welcome2026", [Roles.Staff], null, null, "Asia/Manila")));

        error.Errors["Email"].ShouldContain("A user with this email already exists.");
    }

    [Fact]
    public async Task CreateUser_WhenPasswordTooWeakForIdentity_ReportsPasswordField()
    {
        var error = await Should.ThrowAsync<InputValidationException>(() =>
            SendAsync(new CreateUser("Weak Password", $"weak.{Guid.NewGuid():N}@oobc.gov.ph", "alllowercase", [Roles.Staff], null, null, "Asia/Manila")));

        error.Errors.ShouldContainKey("Password");
    }

    [Fact]
    public async Task UpdateUser_WhenManagerIsThemself_Refuses()
    {
        var id = await NewStaffAsync();

        var error = await Should.ThrowAsync<InputValidationException>(() =>
            SendAsync(new UpdateUser(id, "Self Managed", [Roles.Staff], null, id, "Asia/Manila")));

        error.Errors["ManagerId"].ShouldContain("A user cannot be their own manager.");
    }

    [Fact]
    public async Task UpdateUser_WhenChangingRolesAndManager_SavesThem()
    {
        var id = await NewStaffAsync();
        var manager = await FindAsync("manager.ops@oobc.gov.ph");

        await SendAsync(new UpdateUser(id, "Promoted Person", [Roles.Manager, Roles.Staff], null, manager.Id, "Asia/Singapore"));

        var directory = fixture.App.Services.GetRequiredService<IUserDirectory>();
        var user = await directory.FindAsync(id, CancellationToken.None);
        user!.DisplayName.ShouldBe("Promoted Person");
        user.Roles.ShouldBe([Roles.Manager, Roles.Staff]);
        user.ManagerId.ShouldBe(manager.Id);
        user.TimeZoneId.ShouldBe("Asia/Singapore");
    }

    [Fact]
    public async Task UpdateUser_WhenAdminRemovesOwnAdminRole_Refuses()
    {
        var admin = await FindAsync("admin@oobc.gov.ph");

        await Should.ThrowAsync<BusinessRuleException>(() =>
            SendAsync(new UpdateUser(admin.Id, admin.DisplayName, [Roles.Staff], admin.OrganisationUnitId, null, "Asia/Manila")));
    }

    [Fact]
    public async Task SetUserActive_WhenDeactivated_BlocksSignInAndInvalidatesSessions()
    {
        var id = await NewStaffAsync();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stampBefore = (await users.FindByIdAsync(id.ToString()))!.SecurityStamp;

        await SendAsync(new SetUserActive(id, false));

        await using var check = fixture.App.Services.CreateAsyncScope();
        var signIn = check.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = (await check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(id.ToString()))!;
        user.IsActive.ShouldBeFalse();
        user.SecurityStamp.ShouldNotBe(stampBefore);
        (await signIn.CheckPasswordSignInAsync(user, "Welcome2026", lockoutOnFailure: false)).Succeeded.ShouldBeFalse();
        var directory = fixture.App.Services.GetRequiredService<IUserDirectory>();
        (await directory.SearchAsync(user.DisplayName, 10, CancellationToken.None)).ShouldNotContain(u => u.Id == id);
    }

    [Fact]
    public async Task SetUserActive_WhenDeactivatingSelf_Refuses()
    {
        var admin = await FindAsync("admin@oobc.gov.ph");

        await Should.ThrowAsync<BusinessRuleException>(() => SendAsync(new SetUserActive(admin.Id, false)));
    }

    [Fact]
    public async Task SignIn_WhenFiveWrongPasswords_LocksTheAccount()
    {
        var id = await NewStaffAsync();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(id.ToString()))!;

        for (var i = 0; i < 5; i++)
        {
            await signIn.CheckPasswordSignInAsync(user, "wrong-password", lockoutOnFailure: true);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, "Welcome2026", lockoutOnFailure: true);
        result.IsLockedOut.ShouldBeTrue();
    }

    [Fact]
    public async Task DemoData_WhenSeededTwice_HasTenUsersAcrossEveryRoleAndTwoUnits()
    {
        await fixture.App.Services.GetRequiredService<DemoData>().SeedAsync(demo: true, CancellationToken.None);

        var all = await SendAsync(new ListUsers(null, null, IncludeInactive: true));
        var demo = all.Where(u => DemoData.People.Any(p => p.Email == u.Email)).ToList();
        demo.Count.ShouldBe(10);
        Roles.All.ShouldAllBe(role => demo.Any(u => u.Roles.Contains(role)));
        demo.Select(u => u.OrganisationUnitName).Distinct().Count().ShouldBe(2);
        demo.Single(u => u.Email == "staff1@oobc.gov.ph").ManagerId.ShouldBe(demo.Single(u => u.Email == "manager.ops@oobc.gov.ph").Id);
    }

    private static async Task<Guid> AdminId(HostFixture fixture)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByEmailAsync("admin@oobc.gov.ph"))!.Id;
    }

    private async Task<Guid> NewStaffAsync() =>
        await SendAsync(new CreateUser("Temp Staff", $"temp.{Guid.NewGuid():N}@oobc.gov.ph", "Welcome2026", [Roles.Staff], null, null, "Asia/Manila"));

    private async Task<DirectoryUser> FindAsync(string email) =>
        (await SendAsync(new ListUsers(email, null, IncludeInactive: true))).Single(u => u.Email == email);

    private async Task<int> UserCountAsync() => (await SendAsync(new ListUsers(null, null, IncludeInactive: true))).Count;

    private async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    private async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }
}
