using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>An approver approves, or rejects with a reason, one or many pending requests.</summary>
internal sealed record DecideBookings(IReadOnlyList<Guid> BookingIds, bool Approve, string? Reason) : ICommand<DecisionOutcome>;

/// <summary>Which requests were decided and which were not, with why.</summary>
internal sealed record DecisionOutcome(IReadOnlyList<Guid> Decided, IReadOnlyDictionary<Guid, string> Failed);

internal sealed class DecideBookingsValidator : AbstractValidator<DecideBookings>
{
    public DecideBookingsValidator()
    {
        RuleFor(d => d.BookingIds).NotEmpty().WithMessage("Choose at least one request.");
        RuleFor(d => d.Reason).NotEmpty().When(d => !d.Approve).WithMessage("Give the requester a reason for the rejection.");
        RuleFor(d => d.Reason).MaximumLength(500);
    }
}

internal sealed class DecideBookingsHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DecideBookings, DecisionOutcome>
{
    public async ValueTask<DecisionOutcome> Handle(DecideBookings command, CancellationToken cancellationToken)
    {
        var decided = new List<Guid>();
        var failed = new Dictionary<Guid, string>();
        foreach (var id in command.BookingIds.Distinct())
        {
            try
            {
                await DecideOneAsync(id, command, cancellationToken);
                decided.Add(id);
            }
            catch (UserFacingException ex)
            {
                failed[id] = ex.Message;
            }
        }

        // One request decided alone reports its failure as the error it is.
        if (command.BookingIds.Count == 1 && failed.Count == 1)
        {
            throw new ConflictException(failed.Values.Single());
        }

        return new DecisionOutcome(decided, failed);
    }

    // One unit of work per request: a lost race on one never undoes the others.
    private async Task DecideOneAsync(Guid id, DecideBookings command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new NotFoundException("That request no longer exists.");
        var resource = await db.Resources.AsNoTracking().FirstAsync(r => r.Id == booking.ResourceId, cancellationToken);
        if (!resource.CanBeApprovedBy(currentUser.Id, currentUser.IsInRole(Roles.Manager), currentUser.IsInRole(Roles.Admin)))
        {
            throw new ForbiddenException($"You are not an approver of {resource.Name}.");
        }

        if (command.Approve)
        {
            booking.Approve(currentUser.Id, now);
            BookingNotices.Approved(db, booking, resource, now);
        }
        else
        {
            booking.Reject(currentUser.Id, command.Reason ?? string.Empty, now);
            BookingNotices.Rejected(db, booking, resource, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Another approver decided this request a moment ago; your decision was not applied.");
        }
    }
}
