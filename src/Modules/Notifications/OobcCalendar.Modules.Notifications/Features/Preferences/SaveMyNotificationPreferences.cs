using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Domain.Preferences;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Features.Preferences;

/// <summary>Saves the signed-in person's choices; refused with the reasons when they are not valid (nothing changes).</summary>
internal sealed record SaveMyNotificationPreferences(NotificationPreferencesDto Preferences) : ICommand;

internal sealed class SaveMyNotificationPreferencesValidator : AbstractValidator<SaveMyNotificationPreferences>
{
    public SaveMyNotificationPreferencesValidator()
    {
        // The rules live on the entity, so the page, this command and tests agree on them.
        RuleFor(c => c.Preferences).NotNull().Custom((preferences, context) =>
        {
            foreach (var error in SaveMyNotificationPreferencesHandler.Apply(preferences, NotificationPreferences.Defaults(Guid.Empty)).Validate())
            {
                context.AddFailure(nameof(SaveMyNotificationPreferences.Preferences), error);
            }
        });
    }
}

internal sealed class SaveMyNotificationPreferencesHandler(
    IDbContextFactory<NotificationsDbContext> contexts, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<SaveMyNotificationPreferences>
{
    public async ValueTask<Unit> Handle(SaveMyNotificationPreferences command, CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
        {
            throw new ForbiddenException("Sign in to change your notification preferences.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saved = await db.Preferences.AsTracking().FirstOrDefaultAsync(p => p.UserId == currentUser.Id, cancellationToken);
        var preferences = Apply(command.Preferences, saved ?? NotificationPreferences.Defaults(currentUser.Id));
        var errors = preferences.Validate();
        if (errors.Count > 0)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [nameof(command.Preferences)] = [.. errors] });
        }

        preferences.UpdatedAt = clock.GetUtcNow();
        if (saved is null)
        {
            db.Preferences.Add(preferences);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    internal static NotificationPreferences Apply(NotificationPreferencesDto dto, NotificationPreferences target)
    {
        ArgumentNullException.ThrowIfNull(dto);
        target.ReminderOffsets = [.. dto.ReminderOffsets];
        target.EmailOff = [.. dto.EmailOff.Distinct(StringComparer.Ordinal)];
        target.InAppOff = [.. dto.InAppOff.Distinct(StringComparer.Ordinal)];
        target.QuietStart = dto.QuietStart;
        target.QuietEnd = dto.QuietEnd;
        target.DailyDigest = dto.DailyDigest;
        target.DailyDigestAt = dto.DailyDigestAt;
        target.WeeklyDigest = dto.WeeklyDigest;
        target.TimeZoneId = string.IsNullOrWhiteSpace(dto.TimeZoneId) ? null : dto.TimeZoneId.Trim();
        return target;
    }
}
