using System.Text.RegularExpressions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.LeaveTypes;

/// <summary>Admin adds a leave type (<paramref name="Id"/> null) or changes one's settings; a type in use is switched off, never deleted.</summary>
internal sealed record SaveLeaveType(Guid? Id, LeaveTypeSettings Settings, bool IsActive = true) : ICommand<Guid>;

internal sealed partial class SaveLeaveTypeValidator : AbstractValidator<SaveLeaveType>
{
    public SaveLeaveTypeValidator()
    {
        RuleFor(s => s.Settings).NotNull().WithMessage("Fill in the leave type.");
        When(s => s.Settings is not null, () =>
        {
            RuleFor(s => s.Settings.Code).NotEmpty().WithMessage("Give the type a short code, e.g. VL.")
                .MaximumLength(16).WithMessage("Keep the code to 16 characters.").OverridePropertyName("Code");
            RuleFor(s => s.Settings.Name).NotEmpty().WithMessage("Give the type a name.")
                .MaximumLength(100).WithMessage("Keep the name under 100 characters.").OverridePropertyName("Name");
            RuleFor(s => s.Settings.Colour).Must(c => c is not null && Colour().IsMatch(c)).WithMessage("Choose a colour like #ef6c00.").OverridePropertyName("Colour");
            RuleFor(s => s.Settings.EarnedDays).InclusiveBetween(0, 400).WithMessage("Earned days must be from 0 to 400.").OverridePropertyName("EarnedDays");
            RuleFor(s => s.Settings.MinimumNoticeWorkingDays).InclusiveBetween(0, 120).WithMessage("Notice must be from 0 to 120 working days.").OverridePropertyName("MinimumNoticeWorkingDays");
            RuleFor(s => s.Settings.CarryOverCapDays).InclusiveBetween(0, 1000).When(s => s.Settings.CarryOverCapDays is not null)
                .WithMessage("The carry-over cap must be from 0 to 1000 days.").OverridePropertyName("CarryOverCapDays");
            RuleFor(s => s.Settings.DocumentRequiredAfterDays).InclusiveBetween(0, 400).When(s => s.Settings.DocumentRequiredAfterDays is not null)
                .WithMessage("Days before a document is needed must be from 0 to 400.").OverridePropertyName("DocumentRequiredAfterDays");
            RuleFor(s => s.Settings.SecondApprovalAfterDays).InclusiveBetween(0, 400).When(s => s.Settings.SecondApprovalAfterDays is not null)
                .WithMessage("Days before a second approval must be from 0 to 400.").OverridePropertyName("SecondApprovalAfterDays");
            RuleFor(s => s.Settings.Earning).IsInEnum().OverridePropertyName("Earning");
            RuleFor(s => s.Settings.Remainder).IsInEnum().OverridePropertyName("Remainder");
        });
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Colour();
}

internal sealed class SaveLeaveTypeHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser) : ICommandHandler<SaveLeaveType, Guid>
{
    public async ValueTask<Guid> Handle(SaveLeaveType command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "edit leave types");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = command.Settings with { ChargedToCode = string.IsNullOrWhiteSpace(command.Settings.ChargedToCode) ? null : command.Settings.ChargedToCode.Trim().ToUpperInvariant() };
        if (settings.ChargedToCode is { } code
            && (string.Equals(code, settings.Code.Trim(), StringComparison.OrdinalIgnoreCase)
                || !await db.LeaveTypes.AnyAsync(t => t.Settings.Code == code && t.Settings.HasBalance && t.Settings.ChargedToCode == null, cancellationToken)))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["ChargedToCode"] = ["Charge it to another type that has its own balance."] });
        }

        LeaveType type;
        if (command.Id is { } id)
        {
            type = await db.LeaveTypes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("That leave type no longer exists.");
            type.Change(settings, command.IsActive);
        }
        else
        {
            var order = await db.LeaveTypes.MaxAsync(t => (int?)t.SortOrder, cancellationToken) ?? 0;
            type = LeaveType.Create(Guid.CreateVersion7(), settings, order + 10);
            db.LeaveTypes.Add(type);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["Code"] = [$"Another leave type already has the code {settings.Code.Trim().ToUpperInvariant()}."] });
        }

        return type.Id;
    }
}
