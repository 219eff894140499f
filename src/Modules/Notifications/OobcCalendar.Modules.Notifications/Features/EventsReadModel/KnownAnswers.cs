using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;

namespace OobcCalendar.Modules.Notifications.Features.EventsReadModel;

/// <summary>Per-person answers, which only Notifications keeps (a declined occurrence gets no reminder).</summary>
internal static class KnownAnswers
{
    /// <summary>Records an answer unless a later one for the same scope is stored.</summary>
    public static async Task AnswerAsync(NotificationsDbContext db, ParticipantRespondedIntegrationEvent answer, CancellationToken cancellationToken)
    {
        var scope = KnownAnswer.ScopeOf(answer.RecurrenceIdUtc?.ToUniversalTime());
        var stored = await db.KnownAnswers.FirstOrDefaultAsync(
            a => a.EventId == answer.CalendarEventId && a.ParticipantId == answer.ParticipantId && a.Scope == scope, cancellationToken);
        if (stored is null)
        {
            stored = new KnownAnswer { EventId = answer.CalendarEventId, ParticipantId = answer.ParticipantId, Scope = scope };
            db.KnownAnswers.Add(stored);
        }
        else if (stored.AsOf > answer.RespondedAt)
        {
            return;
        }

        stored.Response = answer.Response;
        stored.AsOf = answer.RespondedAt;
    }
}
