using Mediator;
using Microsoft.AspNetCore.Identity;
using OobcCalendar.Host.Identity;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Features.Users;

/// <summary>An Admin deactivates (or reactivates) a user. Deactivated users cannot sign in and are signed out of open screens.</summary>
public sealed record SetUserActive(Guid UserId, bool IsActive) : ICommand;

internal sealed class SetUserActiveHandler(IServiceScopeFactory scopes, ICurrentUser currentUser, ILiveUpdates live) : ICommandHandler<SetUserActive>
{
    public async ValueTask<Unit> Handle(SetUserActive command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "deactivate or reactivate users");
        if (!command.IsActive && command.UserId == currentUser.Id)
        {
            throw new BusinessRuleException("You cannot deactivate your own account.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("That user no longer exists.");
        user.IsActive = command.IsActive;
        await users.UpdateAsync(user);
        // A new stamp invalidates the user's cookies and open circuits (see ActiveUserRevalidation).
        await users.UpdateSecurityStampAsync(user);
        await users.SetLockoutEndDateAsync(user, command.IsActive ? null : DateTimeOffset.MaxValue);
        await live.PublishAsync(new LiveUpdate(UserTopics.Directory, user.Id.ToString(), command.IsActive ? "activated" : "deactivated"), cancellationToken);
        return Unit.Value;
    }
}
