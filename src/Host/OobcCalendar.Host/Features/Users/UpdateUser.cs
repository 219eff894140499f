using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using OobcCalendar.Host.Identity;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Features.Users;

/// <summary>An Admin changes a user's name, roles, unit, manager or zone.</summary>
public sealed record UpdateUser(
    Guid UserId,
    string DisplayName,
    IReadOnlyList<string> Roles,
    Guid? OrganisationUnitId,
    Guid? ManagerId,
    string TimeZoneId) : ICommand;

internal sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the person's name.").MaximumLength(200);
        RuleFor(c => c.Roles).NotEmpty().WithMessage("Give the user at least one role.");
        RuleForEach(c => c.Roles).Must(r => Shared.Users.Roles.All.Contains(r)).WithMessage("Unknown role '{PropertyValue}'.");
        RuleFor(c => c.TimeZoneId).Must(OfficeTime.IsKnownZone).WithMessage("Choose a time zone from the list.");
    }
}

internal sealed class UpdateUserHandler(IServiceScopeFactory scopes, ICurrentUser currentUser, ILiveUpdates live) : ICommandHandler<UpdateUser>
{
    public async ValueTask<Unit> Handle(UpdateUser command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "change users");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("That user no longer exists.");
        await UserAdministration.EnsureValidManagerAsync(users, command.ManagerId, user.Id);
        var currentRoles = await users.GetRolesAsync(user);
        if (user.Id == currentUser.Id && currentRoles.Contains(Roles.Admin) && !command.Roles.Contains(Roles.Admin))
        {
            throw new BusinessRuleException("You cannot remove your own Admin role; ask another Admin.");
        }

        user.DisplayName = command.DisplayName.Trim();
        user.OrganisationUnitId = command.OrganisationUnitId;
        user.ManagerId = command.ManagerId;
        user.TimeZoneId = command.TimeZoneId;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            throw UserAdministration.ToValidation(updated);
        }

        var toRemove = currentRoles.Except(command.Roles).ToList();
        var toAdd = command.Roles.Except(currentRoles).Distinct().ToList();
        if (toRemove.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, toRemove);
        }

        if (toAdd.Count > 0)
        {
            await users.AddToRolesAsync(user, toAdd);
        }

        if (toRemove.Count + toAdd.Count > 0)
        {
            // Roles travel in the cookie: a new stamp ends the user's sessions so the next sign-in carries the new ones.
            await users.UpdateSecurityStampAsync(user);
        }

        await live.PublishAsync(new LiveUpdate(UserTopics.Directory, user.Id.ToString(), "updated"), cancellationToken);
        return Unit.Value;
    }
}
