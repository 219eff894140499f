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

/// <summary>An Admin blocks a resource (or all, <see cref="ResourceId"/> null) for maintenance or a holiday.</summary>
internal sealed record AddBlackout(Guid? ResourceId, DateTimeOffset Start, DateTimeOffset End, string Reason) : ICommand<Guid>;

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
