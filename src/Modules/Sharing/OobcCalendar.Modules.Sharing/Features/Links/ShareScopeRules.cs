using Mediator;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.Features.Links;

/// <summary>
/// Who may share what: their own calendar; a unit's when they manage it (or Admin); a resource's bookings when they manage
/// the resource in Resources (its approvers, any Manager when it names none, Admin: Resources answers); the office when Admin.
/// </summary>
internal static class ShareScopeRules
{
    /// <summary>Throws unless the user may share the scope; answers the scope id to store.</summary>
    public static async Task<Guid?> EnsureMayShareAsync(ICurrentUser user, IUserDirectory directory, IMediator mediator, ShareScope scope, Guid? scopeId, CancellationToken cancellationToken)
    {
        switch (scope)
        {
            case ShareScope.MyCalendar:
                return user.Id;
            case ShareScope.Unit:
                var me = await directory.FindAsync(user.Id, cancellationToken);
                var managesIt = user.IsInRole(Roles.Manager) && me?.OrganisationUnitId is { } unit && unit == scopeId;
                if (!managesIt && !user.IsInRole(Roles.Admin))
                {
                    throw new ForbiddenException("Only a Manager of that unit (or an Admin) can share its calendar.");
                }

                return scopeId;
            case ShareScope.Resource:
                var managed = await mediator.Send(new ListManagedResources(), cancellationToken);
                if (!managed.Any(r => r.ResourceId == scopeId))
                {
                    throw new ForbiddenException("Only whoever manages that resource (or an Admin) can share its bookings.");
                }

                return scopeId;
            case ShareScope.Office:
                user.EnsureInRole(Roles.Admin, "share the whole office's calendar");
                return null;
            default:
                throw new BusinessRuleException("Choose what to share.");
        }
    }
}
