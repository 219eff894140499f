using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.Features.Links;

/// <summary>Loading a link for a change its owner or an Admin makes, and telling open screens afterwards.</summary>
internal static class OwnedLinks
{
    public static async Task<ShareLink> FindForChangeAsync(SharingDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        user.EnsureOfficeMember("manage share links");
        var link = await db.Links.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null || (link.OwnerId != user.Id && !user.IsInRole(Roles.Admin)))
        {
            throw new NotFoundException("That link no longer exists.");
        }

        return link;
    }

    /// <summary>
    /// One notice for the owner's screens and one without an audience keyed by the link, so an open public page (which
    /// has no user) hears that its link changed and checks it again.
    /// </summary>
    public static void Notify(SharingDbContext db, ShareLink link, string kind)
    {
        db.NotifyLive(new LiveUpdate(SharingTopics.Links, link.Id.ToString(), kind, [link.OwnerId]));
        db.NotifyLive(new LiveUpdate(SharingTopics.Links, link.Id.ToString(), kind));
    }
}
