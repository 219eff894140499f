using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.Features.Links;

/// <summary>An Admin sets the longest a new link may last (existing links keep their expiry).</summary>
internal sealed record SetMaxShareExpiry(int Days) : ICommand;

internal sealed class SetMaxShareExpiryValidator : AbstractValidator<SetMaxShareExpiry>
{
    public SetMaxShareExpiryValidator()
    {
        RuleFor(c => c.Days).InclusiveBetween(SharingSettings.MinMaxExpiryDays, SharingSettings.MaxMaxExpiryDays)
            .WithMessage($"The longest expiry must be between {SharingSettings.MinMaxExpiryDays} and {SharingSettings.MaxMaxExpiryDays} days.");
    }
}

internal sealed class SetMaxShareExpiryHandler(IDbContextFactory<SharingDbContext> contexts, ICurrentUser currentUser) : ICommandHandler<SetMaxShareExpiry>
{
    public async ValueTask<Unit> Handle(SetMaxShareExpiry command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "set the longest link expiry");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.Settings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = SharingSettings.Defaults();
            db.Settings.Add(settings);
        }

        settings.SetMaxExpiryDays(command.Days);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The longest a new link may last, in days.</summary>
internal sealed record GetMaxShareExpiry : IQuery<int>;

internal sealed class GetMaxShareExpiryHandler(IDbContextFactory<SharingDbContext> contexts) : IQueryHandler<GetMaxShareExpiry, int>
{
    public async ValueTask<int> Handle(GetMaxShareExpiry query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Settings.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.MaxExpiryDays ?? SharingSettings.DefaultMaxExpiryDays;
    }
}
