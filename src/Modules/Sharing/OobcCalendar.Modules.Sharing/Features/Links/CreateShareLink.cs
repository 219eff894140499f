using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Persistence;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.Features.Links;

/// <summary>
/// Someone shares a calendar scope read-only. <see cref="ExpiresAt"/> null means <see cref="SharingSettings.DefaultExpiryDays"/>
/// days from now; it may not be later than the Admin's maximum. The answer holds the token, the only time it is shown whole.
/// </summary>
internal sealed record CreateShareLink(
    ShareScope Scope,
    Guid? ScopeId,
    ShareModules Modules,
    ShareDetailLevel Level,
    string Label,
    DateTimeOffset? ExpiresAt = null,
    string? Pin = null,
    bool AllowEmbed = false) : ICommand<CreatedShareLink>;

/// <summary>The new link and its secret, to be shown once.</summary>
internal sealed record CreatedShareLink(Guid Id, string Token);

internal sealed class CreateShareLinkValidator : AbstractValidator<CreateShareLink>
{
    public CreateShareLinkValidator()
    {
        RuleFor(c => c.Label).NotEmpty().WithMessage("Give the link a label, e.g. who it is for.")
            .MaximumLength(ShareLink.LabelMaxLength).WithMessage($"Keep the label under {ShareLink.LabelMaxLength} characters.");
        RuleFor(c => c.Modules).NotEqual(ShareModules.None).WithMessage("Choose at least one kind of entry to share.");
        RuleFor(c => c.Pin).Matches("^[0-9]{4,8}$").When(c => !string.IsNullOrEmpty(c.Pin)).WithMessage("A PIN is 4 to 8 digits.");
        RuleFor(c => c.ScopeId).NotNull().When(c => c.Scope is ShareScope.Unit or ShareScope.Resource).WithMessage("Choose what to share.");
        RuleFor(c => c.Scope).IsInEnum();
        RuleFor(c => c.Level).IsInEnum();
    }
}

internal sealed class CreateShareLinkHandler(
    IDbContextFactory<SharingDbContext> contexts, ICurrentUser currentUser, IUserDirectory directory, IMediator mediator, TimeProvider clock)
    : ICommandHandler<CreateShareLink, CreatedShareLink>
{
    public async ValueTask<CreatedShareLink> Handle(CreateShareLink command, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("share calendars");
        var scopeId = await ShareScopeRules.EnsureMayShareAsync(currentUser, directory, mediator, command.Scope, command.ScopeId, cancellationToken);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.Settings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? SharingSettings.Defaults();
        var expiresAt = command.ExpiresAt ?? now.AddDays(SharingSettings.DefaultExpiryDays);
        if (expiresAt > now.AddDays(settings.MaxExpiryDays))
        {
            throw new OobcCalendar.Shared.Errors.BusinessRuleException($"A link may last at most {settings.MaxExpiryDays} day{(settings.MaxExpiryDays == 1 ? string.Empty : "s")}.");
        }

        var (link, token) = ShareLink.Create(
            Guid.CreateVersion7(), currentUser.Id, command.Scope, scopeId, command.Modules, command.Level, command.Label,
            OfficeTime.IsKnownZone(currentUser.TimeZoneId) ? currentUser.TimeZoneId : OfficeTime.DefaultTimeZoneId,
            expiresAt, command.Pin, command.AllowEmbed, now);
        db.Links.Add(link);
        db.NotifyLive(new LiveUpdate(SharingTopics.Links, link.Id.ToString(), "created", [currentUser.Id]));
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedShareLink(link.Id, token);
    }
}
