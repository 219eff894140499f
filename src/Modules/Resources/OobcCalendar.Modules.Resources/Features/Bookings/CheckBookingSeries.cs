using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Recurrence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Before saving a recurring request: each occurrence, free or in conflict, with an alternative where one exists.</summary>
internal sealed record CheckBookingSeries(Guid ResourceId, DateTimeOffset FirstStart, DateTimeOffset FirstEnd, string Rule, int? ExpectedAttendees)
    : IQuery<IReadOnlyList<SeriesOccurrence>>;

/// <summary>One occurrence of a recurring request and what can be done with it.</summary>
internal sealed record SeriesOccurrence(DateTimeOffset Start, DateTimeOffset End, bool IsFree, string? Problem, SlotSuggestion? OtherTime, SlotSuggestion? OtherResource);

internal sealed class CheckBookingSeriesValidator : AbstractValidator<CheckBookingSeries>
{
    public CheckBookingSeriesValidator()
    {
        RuleFor(q => q.FirstEnd).GreaterThan(q => q.FirstStart).WithMessage("The end must be after the start.");
    }
}

internal sealed class CheckBookingSeriesHandler(IDbContextFactory<ResourcesDbContext> contexts, TimeProvider clock, ICurrentUser currentUser) : IQueryHandler<CheckBookingSeries, IReadOnlyList<SeriesOccurrence>>
{
    /// <summary>A recurring booking is checked occurrence by occurrence: keep it to a term's worth.</summary>
    public const int MaxOccurrences = 100;

    public async ValueTask<IReadOnlyList<SeriesOccurrence>> Handle(CheckBookingSeries query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.ResourceId, cancellationToken)
            ?? throw new NotFoundException("That resource does not exist.");
        var zone = OfficeTime.Zone(resource.TimeZoneId);
        var slots = RecurrenceExpander.Expand(
            query.Rule,
            TimeZoneInfo.ConvertTime(query.FirstStart, zone).DateTime,
            query.FirstEnd - query.FirstStart,
            resource.TimeZoneId,
            now.AddDays(resource.Rules.MaximumAdvanceDays + 1),
            MaxOccurrences);
        var result = new List<SeriesOccurrence>(slots.Count);
        foreach (var slot in slots)
        {
            var answer = await Availability.AnswerAsync(db, resource, slot.Start, slot.End, query.ExpectedAttendees, now, currentUser, cancellationToken);
            var problem = answer.RuleProblem ?? answer.Conflicts.Select(c => c.Description is BookingPrivacy.HiddenBooked or BookingPrivacy.HiddenPending ? c.Description : $"{c.Kind}: {c.Description}").FirstOrDefault();
            result.Add(new SeriesOccurrence(slot.Start, slot.End, answer.IsFree, problem, answer.OtherTimes.FirstOrDefault(), answer.OtherResources.FirstOrDefault()));
        }

        return result;
    }
}
