using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using OobcCalendar.Host.Identity;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Features.Users;

/// <summary>An Admin adds a user who can sign in at once with the given password.</summary>
public sealed record CreateUser(
    string DisplayName,
    string Email,
    string Password,
    IReadOnlyList<string> Roles,
    Guid? OrganisationUnitId,
    Guid? ManagerId,
    string TimeZoneId) : ICommand<Guid>;

internal sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the person's name.").MaximumLength(200);
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter an email address.")
            .EmailAddress().WithMessage("Enter a valid email address, like juan.delacruz@oobc.gov.ph.").MaximumLength(256);
        RuleFor(c => c.Password).NotEmpty().WithMessage("Enter an initial password.")
            .MinimumLength(8).WithMessage("The password needs at least 8 characters.");
        RuleFor(c => c.Roles).NotEmpty().WithMessage("Give the user at least one role.");
        RuleForEach(c => c.Roles).Must(r => Shared.Users.Roles.All.Contains(r)).WithMessage("Unknown role '{PropertyValue}'.");
        RuleFor(c => c.TimeZoneId).Must(OfficeTime.IsKnownZone).WithMessage("Choose a time zone from the list.");
    }
}

internal sealed class CreateUserHandler(IServiceScopeFactory scopes, TimeProvider clock, ILiveUpdates live, ICurrentUser currentUser) : ICommandHandler<CreateUser, Guid>
{
    public async ValueTask<Guid> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "add users");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(command.Email.Trim()) is not null)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["Email"] = ["A user with this email already exists."] });
        }

        await UserAdministration.EnsureValidManagerAsync(users, command.ManagerId, null);
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = command.Email.Trim(),
            Email = command.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = command.DisplayName.Trim(),
            OrganisationUnitId = command.OrganisationUnitId,
            ManagerId = command.ManagerId,
            TimeZoneId = command.TimeZoneId,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, command.Password);
        if (!created.Succeeded)
        {
            throw UserAdministration.ToValidation(created);
        }

        var roles = await users.AddToRolesAsync(user, command.Roles.Distinct());
        if (!roles.Succeeded)
        {
            await users.DeleteAsync(user);
            throw UserAdministration.ToValidation(roles);
        }

        await live.PublishAsync(new LiveUpdate(UserTopics.Directory, user.Id.ToString(), "created"), cancellationToken);
        return user.Id;
    }
}
