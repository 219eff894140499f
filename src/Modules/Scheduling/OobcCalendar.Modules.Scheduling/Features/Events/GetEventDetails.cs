using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>Everything the details dialog and the editor show about an event, or one occurrence of a series.</summary>
internal sealed record GetEventDetails(Guid EventId, DateTimeOffset? RecurrenceId) : IQuery<EventDetails>;

/// <summary>
/// An event as the signed-in user may see it. For busy-only events of others, details are blanked. <see cref="OnLeave"/>:
/// the invited people on approved leave during this occurrence, for those who may edit it (the organizer), from the busy
/// read model (docs/adr/0024), never naming the leave type.
/// </summary>
internal sealed record EventDetails(
    Guid EventId,
    DateTimeOffset? RecurrenceId,
    string Title,
    string? Description,
    string? Location,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset SeriesStart,
    string TimeZoneId,
    bool AllDay,
    EventCategoryView? Category,
    EventVisibility Visibility,
    IReadOnlyList<int>? ReminderMinutes,
    string? RecurrenceRule,
    bool IsCancelled,
    bool IsOverridden,
    ParticipantView Organizer,
    IReadOnlyList<ParticipantView> Participants,
    bool CanEdit,
    bool DetailsHidden,
    ParticipantResponse? MyResponse,
    IReadOnlyList<Guid> OnLeave)
{
    public bool IsRecurring => RecurrenceRule is not null;

    /// <summary>The draft the editor starts from (this occurrence's times and overridden fields).</summary>
    public EventDraft ToDraft() => new(
        Title, Description, Location, Start, End, TimeZoneId, AllDay, Category?.Id, Visibility,
        Participants.Select(p => p.UserId).ToList(), ReminderMinutes, RecurrenceRule);
}

/// <summary>A person on an event and their answer.</summary>
internal sealed record ParticipantView(Guid UserId, string DisplayName, string? Email, ParticipantResponse Response, DateTimeOffset? RespondedAt);

/// <summary>A category as lists and pickers show it.</summary>
internal sealed record EventCategoryView(Guid Id, string Name, string Colour);

internal sealed class GetEventDetailsHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory) : IQueryHandler<GetEventDetails, EventDetails>
{
    public async ValueTask<EventDetails> Handle(GetEventDetails query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.EventId, cancellationToken)
            ?? throw new NotFoundException("That event does not exist any more.");
        if (e.Visibility == EventVisibility.Private && !EventAccess.CanSeeDetails(e, currentUser))
        {
            throw new NotFoundException("That event does not exist any more.");
        }

        var occurrence = query.RecurrenceId is { } rid && e.IsRecurring ? e.OccurrenceAt(rid) : new Occurrence(e.StartUtc, e.StartUtc, e.EndUtc, null);
        var category = e.CategoryId is { } categoryId
            ? await db.Categories.AsNoTracking().Where(c => c.Id == categoryId).Select(c => new EventCategoryView(c.Id, c.Name, c.Colour)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var hidden = !EventAccess.CanSeeDetails(e, currentUser);
        var people = (await directory.GetManyAsync([e.OrganizerId, .. e.Participants.Select(p => p.UserId)], cancellationToken)).ToDictionary(u => u.Id);
        ParticipantView View(Guid id, ParticipantResponse response, DateTimeOffset? at) =>
            new(id, people.GetValueOrDefault(id)?.DisplayName ?? "Former colleague", people.GetValueOrDefault(id)?.Email, response, at);
        var over = occurrence.Override;
        var canEdit = EventAccess.CanEdit(e, currentUser) && !e.IsCancelled;
        var onLeave = canEdit && !hidden ? await OnLeaveAsync(db, e.Participants.Select(p => p.UserId).ToList(), occurrence.StartUtc, occurrence.EndUtc, cancellationToken) : [];
        // For one occurrence of a series, each person's answer for that occurrence if they gave one, else for the series.
        DateTimeOffset? answeredOccurrence = e.IsRecurring && query.RecurrenceId is not null ? occurrence.RecurrenceId : null;
        ParticipantView AnswerFor(EventParticipant p) =>
            e.OccurrenceAnswers.FirstOrDefault(a => a.UserId == p.UserId && a.RecurrenceId == answeredOccurrence) is { } answer
                ? View(p.UserId, answer.Response, answer.RespondedAt)
                : View(p.UserId, p.Response, p.RespondedAt);
        return new EventDetails(
            e.Id,
            e.IsRecurring ? occurrence.RecurrenceId : null,
            hidden ? "Busy" : over?.Title ?? e.Title,
            hidden ? null : over?.Description ?? e.Description,
            hidden ? null : over?.Location ?? e.Location,
            occurrence.StartUtc,
            occurrence.EndUtc,
            e.StartUtc,
            e.TimeZoneId,
            e.AllDay,
            hidden ? null : category,
            e.Visibility,
            hidden ? [] : e.ReminderMinutes,
            hidden ? null : e.RecurrenceRule,
            e.IsCancelled,
            !hidden && over is not null,
            View(e.OrganizerId, ParticipantResponse.Accepted, e.CreatedAt),
            hidden ? [] : e.Participants.Select(p => AnswerFor(p)).OrderBy(p => p.DisplayName).ToList(),
            canEdit,
            hidden,
            e.ResponseOf(currentUser.Id, answeredOccurrence),
            onLeave);
    }

    private static async Task<IReadOnlyList<Guid>> OnLeaveAsync(
        SchedulingDbContext db, IReadOnlyList<Guid> people, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return [];
        }

        return await db.ExternalBusy.AsNoTracking()
            .Where(b => b.SourceModule == LeaveModuleContract.Name && people.Contains(b.PersonId) && b.StartUtc < end && b.EndUtc > start)
            .Select(b => b.PersonId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }
}
