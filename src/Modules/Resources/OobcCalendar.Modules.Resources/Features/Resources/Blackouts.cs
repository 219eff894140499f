using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Resources;

/// <summary>A blackout as lists show it.</summary>
internal sealed record BlackoutItem(Guid Id, Guid? ResourceId, string? ResourceName, DateTimeOffset Start, DateTimeOffset End, string Reason);

/// <summary>An Admin blocks a resource (or all, <see cref="ResourceId"/> null) for maintenance or a holiday.</summary>
internal sealed record AddBlackout(Guid? ResourceId, DateTimeOffset Start, DateTimeOffset End, string Reason) : ICommand<Guid>;

/// <summary>An Admin lifts a blackout.</summary>
internal sealed record RemoveBlackout(Guid BlackoutId) : ICommand;

/// <summary>Blackouts that have not ended, soonest first.</summary>
internal sealed record ListBlackouts : IQuery<IReadOnlyList<BlackoutItem>>;

internal sealed class AddBlackoutValidator : AbstractValidator<AddBlackout>
{
    public AddBlackoutValidator()
    {
        RuleFor(b => b.Reason).NotEmpty().WithMessage("Say why (e.g. Maintenance, Holiday).").MaximumLength(300);
        RuleFor(b => b.End).GreaterThan(b => b.Start).WithMessage("The blackout must end after it starts.");
    }
}

internal sealed class AddBlackoutHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser) : ICommandHandler<AddBlackout, Guid>
{
    public async ValueTask<Guid> Handle(AddBlackout command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "manage blackouts");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (command.ResourceId is { } id && !await db.Resources.AnyAsync(r => r.Id == id, cancellationToken))
        {
            throw new NotFoundException("That resource no longer exists.");
        }

        var blackout = Blackout.Create(Guid.CreateVersion7(), command.ResourceId, command.Start, command.End, command.Reason, currentUser.Id);
        db.Blackouts.Add(blackout);
        db.NotifyLive(new LiveUpdate(ResourcesTopics.Resources, blackout.Id.ToString(), "blackout"));
        await db.SaveChangesAsync(cancellationToken);
        return blackout.Id;
    }
}

internal sealed class RemoveBlackoutHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser) : ICommandHandler<RemoveBlackout>
{
    public async ValueTask<Unit> Handle(RemoveBlackout command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "manage blackouts");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var removed = await db.Blackouts.Where(b => b.Id == command.BlackoutId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            throw new NotFoundException("That blackout was already removed.");
        }

        await using var notify = await contexts.CreateDbContextAsync(cancellationToken);
        notify.NotifyLive(new LiveUpdate(ResourcesTopics.Resources, command.BlackoutId.ToString(), "blackout"));
        await notify.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal sealed class ListBlackoutsHandler(IDbContextFactory<ResourcesDbContext> contexts, TimeProvider clock) : IQueryHandler<ListBlackouts, IReadOnlyList<BlackoutItem>>
{
    public async ValueTask<IReadOnlyList<BlackoutItem>> Handle(ListBlackouts query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from b in db.Blackouts.AsNoTracking()
                      where b.End > now
                      join r in db.Resources on b.ResourceId equals r.Id into rs
                      from r in rs.DefaultIfEmpty()
                      orderby b.Start
                      select new BlackoutItem(b.Id, b.ResourceId, r != null ? r.Name : null, b.Start, b.End, b.Reason)).ToListAsync(cancellationToken);
    }
}
