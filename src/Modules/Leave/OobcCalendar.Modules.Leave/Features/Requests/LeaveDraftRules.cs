using FluentValidation;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>Shape checks shared by the validators of <see cref="SubmitLeaveRequest"/> and <see cref="PreviewLeaveRequest"/>.</summary>
internal static class LeaveDraftRules
{
    /// <summary>Longer leave is filed in parts (and a bound keeps the day count cheap).</summary>
    public const int MaxCalendarDays = 366;

    public static void Apply<T>(AbstractValidator<T> validator, Func<T, LeaveDraft> draft)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(r => draft(r).LeaveTypeId).NotEmpty().OverridePropertyName("LeaveTypeId").WithMessage("Choose a leave type.");
        validator.RuleFor(r => draft(r).FirstDay).Must(DateLimits.Contains).OverridePropertyName("FirstDay").WithMessage(DateLimits.OutOfRange("The first day"));
        validator.RuleFor(r => draft(r).LastDay).Must(DateLimits.Contains).OverridePropertyName("LastDay").WithMessage(DateLimits.OutOfRange("The last day"));
        validator.RuleFor(r => draft(r)).Must(d => Enum.IsDefined(d.FirstDayPart) && Enum.IsDefined(d.LastDayPart))
            .OverridePropertyName("FirstDayPart").WithMessage("Choose the whole day, the morning or the afternoon.");
        validator.RuleFor(r => draft(r))
            .Must(d => LeavePeriod.Problem(d.FirstDay, d.LastDay, d.FirstDayPart, d.LastDayPart) is null)
            .OverridePropertyName("LastDay")
            .WithMessage(r => LeavePeriod.Problem(draft(r).FirstDay, draft(r).LastDay, draft(r).FirstDayPart, draft(r).LastDayPart))
            .When(r => DateLimits.Contains(draft(r).FirstDay) && DateLimits.Contains(draft(r).LastDay));
        validator.RuleFor(r => draft(r))
            .Must(d => d.LastDay.DayNumber - d.FirstDay.DayNumber < MaxCalendarDays)
            .OverridePropertyName("LastDay")
            .WithMessage($"One request covers at most {MaxCalendarDays} days; file longer leave in parts.");
    }
}
