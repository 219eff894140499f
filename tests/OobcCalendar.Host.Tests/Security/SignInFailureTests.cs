using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Host.Identity;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Host.Tests.Security;

/// <summary>Finding 6: the sign-in form does not tell which accounts exist, by its text or by its work.</summary>
public sealed partial class SignInFailureTests : IAsyncLifetime
{
    private const string Generic = "The email or password is incorrect, or the account is locked after too many attempts. Try again later or ask an administrator.";

    private readonly CountingHasher hasher = new();
    private OobcAppFactory app = default!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("signin");
        app = new OobcAppFactory(connectionString, services: s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher));
        app.Start();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task SignIn_WhenEmailUnknownOrPasswordWrong_GivesSameMessageAfterOneHashCheckEach()
    {
        var unknown = await FailedSignInAsync("nobody.here@oobc.gov.ph", "wrong-password");
        var known = await FailedSignInAsync("staff1@oobc.gov.ph", "wrong-password");

        unknown.Message.ShouldBe(Generic);
        known.Message.ShouldBe(Generic);
        unknown.HashChecks.ShouldBe(1);
        known.HashChecks.ShouldBe(1);
    }

    [Fact]
    public async Task SignIn_WhenAccountLockedOut_GivesSameMessageAndStillChecksAHash()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await FailedSignInAsync("staff2@oobc.gov.ph", "wrong-password");
        }

        var locked = await FailedSignInAsync("staff2@oobc.gov.ph", "wrong-password");

        locked.Message.ShouldBe(Generic);
        locked.HashChecks.ShouldBe(1);
    }

    [Fact]
    public async Task SignIn_WhenDeactivated_SaysSoOnlyAfterTheRightPassword()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync("staff3@oobc.gov.ph"))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        }

        (await FailedSignInAsync("staff3@oobc.gov.ph", "wrong-password")).Message.ShouldBe(Generic);
        (await FailedSignInAsync("staff3@oobc.gov.ph", DemoData.Password)).Message.ShouldContain("deactivated");
    }

    private async Task<(string Message, int HashChecks)> FailedSignInAsync(string email, string password)
    {
        using var client = new CookieClient(app);
        var form = await client.Http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Hidden("__RequestVerificationToken").Match(form).Groups["v"].Value),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        var before = hasher.Verifications;
        using var content = new FormUrlEncodedContent(fields);
        var body = await (await client.Http.PostAsync(new Uri("/account/login", UriKind.Relative), content)).Content.ReadAsStringAsync();
        return (WebUtility.HtmlDecode(ErrorText().Match(body).Groups["text"].Value), hasher.Verifications - before);
    }

    private static Regex Hidden(string name) => new($"name=\"{name}\"\\s+value=\"(?<v>[^\"]*)\"");

    [GeneratedRegex("data-testid=\"login-error\">(?<text>[^<]*)<")]
    private static partial Regex ErrorText();

    /// <summary>Identity's own hasher, counting verifications so a test can compare the work two attempts cost.</summary>
    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
