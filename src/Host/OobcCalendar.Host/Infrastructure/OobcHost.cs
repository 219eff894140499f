using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using OobcCalendar.Host.Identity;
using OobcCalendar.Modules.Attendance;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Leave;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Notifications;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Resources;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Sharing;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Jobs;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Infrastructure;

/// <summary>The composition root: every service of the host and its modules, registered explicitly.</summary>
public static class OobcHost
{
    /// <summary>
    /// Registers everything. The one place <c>AddMediator</c> is called (the source generator allows one
    /// configuration per application); tests build hosts through this method too.
    /// </summary>
    public static IServiceCollection AddOobcServices(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set. build/run.sh sets it for the local cluster.");

        services.AddSingleton(TimeProvider.System);
        services.AddOobcPersistence(connectionString);
        services.AddOobcMessaging(configuration);
        services.AddOobcScheduler(configuration, connectionString);
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies =
            [
                typeof(OobcHost),
                typeof(SchedulingModule), typeof(ResourcesModule), typeof(LeaveModule),
                typeof(AttendanceModule), typeof(SharingModule), typeof(NotificationsModule),
                // Public queries live in Contracts assemblies: the generator pairs a handler only with messages it scans,
                // so every Contracts assembly is listed, even before it holds a query (an architecture test checks).
                typeof(SchedulingModuleContract), typeof(ResourcesModuleContract), typeof(LeaveModuleContract),
                typeof(AttendanceModuleContract), typeof(SharingModuleContract), typeof(NotificationsModuleContract),
            ];
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromHost();

        AddIdentity(services);
        services.AddSingleton<ModuleCatalog>();
        services.AddModuleIfEnabled(configuration, SchedulingModuleContract.Name, s => s.AddSchedulingModule(configuration));
        services.AddModuleIfEnabled(configuration, ResourcesModuleContract.Name, s => s.AddResourcesModule(configuration));
        services.AddModuleIfEnabled(configuration, LeaveModuleContract.Name, s => s.AddLeaveModule(configuration));
        services.AddModuleIfEnabled(configuration, AttendanceModuleContract.Name, s => s.AddAttendanceModule(configuration));
        services.AddModuleIfEnabled(configuration, SharingModuleContract.Name, s => s.AddSharingModule(configuration));
        services.AddModuleIfEnabled(configuration, NotificationsModuleContract.Name, s => s.AddNotificationsModule(configuration));
        services.AddSingleton(new ModuleDefinition("Host", typeof(OobcHost).Assembly, HostNavigation.Items));
        services.AddSingleton<INavBadgeSource, Features.Approvals.ApprovalsBadge>();
        // A switched-off module's handlers (registered by the generator regardless) would fail validation at start-up.
        services.RemoveServicesOfDisabledModules(
            typeof(SchedulingModule).Assembly, typeof(ResourcesModule).Assembly, typeof(LeaveModule).Assembly,
            typeof(AttendanceModule).Assembly, typeof(SharingModule).Assembly, typeof(NotificationsModule).Assembly);

        services.AddRazorComponents().AddInteractiveServerComponents(o => o.DetailedErrors = false);
        // Bottom left: the calendar's filters (category chips) sit in the right-hand column, where snackbars covered them.
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft);
        services.AddProblemDetails();
        services.AddOobcRateLimits(configuration);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddHttpContextAccessor();
        services.AddOobcObservability(configuration, connectionString);
        return services;
    }

    private static CookieSecurePolicy SecurePolicy(IWebHostEnvironment env) =>
        env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddSchemaDbContext<IdentityStoreDbContext>(IdentityStoreDbContext.SchemaName);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, ActiveUserRevalidation>();
        services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            ApiAwareCookieEvents.Apply(o);
            o.Events.OnValidatePrincipal = SessionStamp.ValidatePrincipalAsync;
        });
        // Outside Development the app runs behind TLS (docker/nginx.conf): its cookies never travel over plain HTTP.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IWebHostEnvironment>((o, env) => o.Cookie.SecurePolicy = SecurePolicy(env));
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IWebHostEnvironment>((o, env) => o.Cookie.SecurePolicy = SecurePolicy(env));
        services.AddSingleton<SessionStamp>();
        services.AddScoped<UnknownUserTiming>();
        services.AddAuthorization();
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<ApplicationRole>()
            .AddEntityFrameworkStores<IdentityStoreDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<OobcClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddDataProtection().SetApplicationName("OobcCalendar").PersistKeysToDbContext<IdentityStoreDbContext>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddSingleton<IUserDirectory, UserDirectory>();
        services.AddSingleton<DemoData>();
    }
}
