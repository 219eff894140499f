using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Identity;

/// <summary>
/// Roles always; on an empty directory with <c>Seed:Demo</c> on, two organisation units and ten users
/// across every role, all with <see cref="Password"/>. Run once at start-up, after migrations.
/// </summary>
internal sealed class DemoData(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string Password = "Oobc!Demo2026";

    internal static readonly (string Name, string Email, string[] Roles, int Unit, string? Manager)[] People =
    [
        ("Amina Datu", "admin@oobc.gov.ph", [Roles.Admin, Roles.Staff], 0, null),
        ("Rashid Mangudadatu", "manager.ops@oobc.gov.ph", [Roles.Manager, Roles.Staff], 0, null),
        ("Noraida Ampatuan", "manager.programs@oobc.gov.ph", [Roles.Manager, Roles.Staff], 1, null),
        ("Jamal Usman", "staff1@oobc.gov.ph", [Roles.Staff], 0, "manager.ops@oobc.gov.ph"),
        ("Farida Mamalinta", "staff2@oobc.gov.ph", [Roles.Staff], 0, "manager.ops@oobc.gov.ph"),
        ("Tomas Reyes", "staff3@oobc.gov.ph", [Roles.Staff], 0, "manager.ops@oobc.gov.ph"),
        ("Sittie Abdullah", "staff4@oobc.gov.ph", [Roles.Staff], 1, "manager.programs@oobc.gov.ph"),
        ("Miguel Santos", "staff5@oobc.gov.ph", [Roles.Staff], 1, "manager.programs@oobc.gov.ph"),
        ("Bai Hasmin Kusain", "desk1@oobc.gov.ph", [Roles.CheckInDesk], 0, null),
        ("Ali Macapagal", "desk2@oobc.gov.ph", [Roles.CheckInDesk], 1, null),
    ];

    internal static readonly string[] Units = ["Operations Division", "Programs Division"];

    public async Task SeedAsync(bool demo, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<ApplicationRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new ApplicationRole(role));
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (!demo || await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var units = Units.Select(name => new OrganisationUnit { Id = Guid.CreateVersion7(), Name = name }).ToArray();
        db.OrganisationUnits.AddRange(units);
        await db.SaveChangesAsync(cancellationToken);

        var byEmail = new Dictionary<string, ApplicationUser>(StringComparer.Ordinal);
        foreach (var person in People)
        {
            var user = new ApplicationUser
            {
                Id = Guid.CreateVersion7(),
                UserName = person.Email,
                Email = person.Email,
                EmailConfirmed = true,
                DisplayName = person.Name,
                OrganisationUnitId = units[person.Unit].Id,
                ManagerId = person.Manager is null ? null : byEmail[person.Manager].Id,
                CreatedAt = clock.GetUtcNow(),
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {person.Email}: {string.Join(' ', result.Errors.Select(e => e.Description))}");
            }

            await users.AddToRolesAsync(user, person.Roles);
            byEmail[person.Email] = user;
        }

        logger.LogInformation("Seeded {Count} demo users", People.Length);
    }
}
