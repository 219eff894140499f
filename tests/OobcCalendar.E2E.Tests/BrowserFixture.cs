using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OobcCalendar.Host.Identity;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// One real host on Kestrel, one fresh database and one headless Debian Chromium for the whole E2E
/// collection (starting them is the expensive part). Tests never share a page: each one opens its own
/// <see cref="IBrowserContext"/>, so cookies and storage never leak between them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Debian's Chromium headless shell (package chromium-headless-shell, built from the same chromium source package and
    /// version as the desktop browser: the same Blink and V8, without the desktop window and its UI), as Playwright runs
    /// headless Chromium by default. <c>OOBC_E2E_CHROMIUM=/usr/bin/chromium</c> runs the journeys in the desktop browser
    /// instead (ADR 0039: the shell costs a quarter of the browser CPU per page, and the suite is CPU-bound on 2 cores).
    /// </summary>
    public static string ChromiumPath { get; } =
        Environment.GetEnvironmentVariable("OOBC_E2E_CHROMIUM") is { Length: > 0 } chosen ? chosen : "/usr/bin/chromium-headless-shell";

    /// <summary>The password of every seeded demo user (Identity/DemoData.cs).</summary>
    public const string DemoPassword = "Oobc!Demo2026";

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    // Cookies of people already signed in once: later tests start signed in instead of filling the form again.
    private readonly ConcurrentDictionary<string, string> signedIn = new(StringComparer.OrdinalIgnoreCase);
    private OobcAppFactory? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>http://127.0.0.1:PORT of the host.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>artifacts/screenshots under the repository root (git-ignored).</summary>
    /// <summary>The running host's services (e.g. to put a journey's own rows in place by SQL).</summary>
    public IServiceProvider Services => app!.Services;

    /// <summary>How every test browser is started (a test that needs a fake camera adds its own flags to these).</summary>
    public static IReadOnlyList<string> LaunchArguments { get; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Stops Chromium resolving any outside host: the tests talk to 127.0.0.1 only.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ];

    public string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        // The first render on a cold 2-core machine can take several seconds; conditions still decide, not time.
        Assertions.SetDefaultExpectTimeout(15_000);
        Directory.CreateDirectory(ScreenshotFolder);
        await EnsureChromiumAsync();

        var hostStart = Task.Run(async () =>
        {
            var connectionString = await PostgresServer.CreateDatabaseAsync("e2e");
            // Browser journeys never wait on integration events: poll the outboxes at the production pace,
            // not the fast test pace, so six pollers do not compete with Chromium for two cores.
            app = new OobcAppFactory(connectionString, new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:02" }, services: s => s.AddTestUserOutsideRequests(TestUser), useKestrel: true);
            BaseAddress = app.Start();
        });

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArguments,
        });
        await hostStart;
    }

    /// <summary>A fresh context (own cookies) and page at the given size; dispose the context when done.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(ViewportSize? viewport = null, string? storageState = null)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            StorageState = storageState,
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = viewport ?? Desktop,
            Locale = "en-PH",
            TimezoneId = "Asia/Manila",
            ColorScheme = ColorScheme.Light,
            // Fewer transitions to composite on a small machine; the pages look the same when settled.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(15_000);
        return (context, await context.NewPageAsync());
    }

    /// <summary>
    /// A fresh context signed in as <paramref name="email"/> (a demo user) showing <paramref name="path"/>.
    /// The first time it signs in through the form (with a return address); later it reuses that cookie.
    /// Waits for the circuit unless the page is a plain server-rendered one (e.g. access denied).
    /// </summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewSignedInPageAsync(
        string email, string path = "/", ViewportSize? viewport = null, bool interactive = true)
    {
        var (context, page) = await NewPageAsync(viewport, signedIn.GetValueOrDefault(email));
        if (signedIn.ContainsKey(email))
        {
            await page.GotoAsync(path);
        }
        else
        {
            await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(path)}");
            await page.SubmitSignInAsync(email, DemoPassword);
            await Assertions.Expect(page).Not.ToHaveURLAsync(PageActions.LoginPage());
            signedIn[email] = await context.StorageStateAsync();
        }

        if (interactive)
        {
            await page.WaitForInteractiveAsync();
        }

        return (context, page);
    }

    /// <summary>
    /// A new user with <see cref="DemoPassword"/> and nothing in their calendar yet, made with the host's own
    /// user manager (as the Users page does): for a journey that must see only what it creates itself. Staff unless
    /// <paramref name="role"/> says otherwise; <paramref name="managerEmail"/> makes that demo user their manager.
    /// </summary>
    public async Task<string> CreateFreshUserAsync(string name, string role = Roles.Staff, string? managerEmail = null)
    {
        var email = $"fresh.{Guid.NewGuid():N}@oobc.gov.ph";
        await using var scope = app!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = DateTimeOffset.UtcNow,
            ManagerId = managerEmail is null ? null : (await users.FindByEmailAsync(managerEmail))!.Id,
        };
        (await users.CreateAsync(user, DemoPassword)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return email;
    }

    // Leave calendar journey (issue 11): data made through the app's mediator as a given demo user, outside any request.

    /// <summary>Who commands sent with <see cref="SendAsAsync{T}"/> act as; HTTP requests keep their cookie's user.</summary>
    private TestCurrentUser TestUser { get; } = new();

    /// <summary>Sends a command or query through the host's mediator as the demo user <paramref name="email"/>, with their roles.</summary>
    public async Task<T> SendAsAsync<T>(string email, Mediator.IMessage message)
    {
        await using var scope = app!.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<IUserDirectory>().SearchAsync(email, 1, CancellationToken.None)).Single();
        TestUser.ActAs(user.Id, [.. user.Roles]);
        return (T)(await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(message))!;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    // build/test.sh installs the browser; run from an IDE on a bare machine, install it here the same way.
    private static async Task EnsureChromiumAsync()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        var package = Path.GetFileName(ChromiumPath) == "chromium" ? "chromium" : "chromium-headless-shell";
        var apt = $"DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends {package}";
        var install = new ProcessStartInfo("bash", ["-c", $"{apt} || (apt-get update -qq && {apt})"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(install) ?? throw new InvalidOperationException("Could not run apt-get");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing and `apt-get install -y {package}` failed: {error}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
