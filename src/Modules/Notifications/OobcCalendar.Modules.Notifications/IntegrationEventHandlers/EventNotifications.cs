using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Notifications.Dispatching;
using OobcCalendar.Modules.Notifications.Messages.Events;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.IntegrationEventHandlers;

/// <summary>
/// Tells participants (never the organizer, who made the change) about invitations, changes and cancellations, with
/// the event as an .ics written by Scheduling (<see cref="GetEventInvitationIcs"/>: REQUEST, or CANCEL for a whole
/// cancellation or a removed person) and, when the event takes attendance, the person's QR ticket from Attendance.
/// The files are fetched before the transaction; the messages commit with the inbox entry (ADR 0034, 0035).
/// </summary>
internal sealed class EventNotifications(
    IDbContextFactory<NotificationsDbContext> contexts,
    NotificationDispatcher dispatcher,
    EventNotifier notifier,
    IUserDirectory directory,
    ISender sender,
    IEnumerable<ModuleDefinition> modules) :
    IIntegrationEventHandler<EventScheduledIntegrationEvent>,
    IIntegrationEventHandler<EventRescheduledIntegrationEvent>,
    IIntegrationEventHandler<EventUpdatedIntegrationEvent>,
    IIntegrationEventHandler<EventCancelledIntegrationEvent>
{
    /// <summary>Inbox name of the consumer.</summary>
    public const string Consumer = "notifications.event-messages";

    private enum Kind
    {
        Invitation,
        Updated,
        Cancelled,
    }

    public Task HandleAsync(EventScheduledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        // The new half of a split series is a change to people already invited, not a new invitation.
        var kind = integrationEvent.SplitFromEventId is null ? Kind.Invitation : Kind.Updated;
        return NotifyAsync(integrationEvent, integrationEvent.Event, null, [(kind, Others(integrationEvent.Event))], cancellationToken);
    }

    public Task HandleAsync(EventRescheduledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var occurrence = integrationEvent.RecurrenceIdUtc is null ? null : (DateTimeOffset?)integrationEvent.NewStartUtc;
        return NotifyAsync(integrationEvent, integrationEvent.Event, occurrence, [(Kind.Updated, Others(integrationEvent.Event))], cancellationToken);
    }

    public Task HandleAsync(EventUpdatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var added = integrationEvent.AddedParticipantIds.ToHashSet();
        var stayed = Others(integrationEvent.Event).Where(p => !added.Contains(p)).ToList();
        return NotifyAsync(
            integrationEvent,
            integrationEvent.Event,
            integrationEvent.RecurrenceIdUtc,
            [(Kind.Invitation, [.. added]), (Kind.Updated, stayed), (Kind.Cancelled, [.. integrationEvent.RemovedParticipantIds])],
            cancellationToken);
    }

    public Task HandleAsync(EventCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return NotifyAsync(integrationEvent, integrationEvent.Event, integrationEvent.RecurrenceIdUtc ?? integrationEvent.FromUtc, [(Kind.Cancelled, Others(integrationEvent.Event))], cancellationToken);
    }

    private static IReadOnlyList<Guid> Others(EventSnapshot snapshot) => [.. snapshot.ParticipantIds.Where(p => p != snapshot.OrganizerId).Distinct()];

    private bool Enabled(string module) => modules.Any(m => m.Name == module);

    private async Task NotifyAsync(
        IIntegrationEvent fact, EventSnapshot snapshot, DateTimeOffset? occurrence, IReadOnlyList<(Kind Kind, IReadOnlyList<Guid> People)> groups, CancellationToken cancellationToken)
    {
        var everyone = groups.SelectMany(g => g.People).Distinct().ToList();
        if (everyone.Count == 0)
        {
            return;
        }

        var names = await notifier.NamesAsync([snapshot.OrganizerId], cancellationToken);
        var recipients = (await Recipient.LoadAsync(directory, everyone, cancellationToken)).ToDictionary(r => r.UserId);
        var start = occurrence ?? snapshot.StartUtc;
        var end = start + (snapshot.EndUtc - snapshot.StartUtc);
        var series = snapshot.RecurrenceRule is not null;

        // Whole cancellations and people taken off get CANCEL; a cancelled occurrence is an update of the series (its EXDATE).
        var wholeCancel = fact is EventCancelledIntegrationEvent { RecurrenceIdUtc: null, FromUtc: null };
        var files = new Dictionary<Kind, MailAttachment?>();
        foreach (var group in groups.Where(g => g.People.Count > 0))
        {
            var method = group.Kind == Kind.Cancelled && (wholeCancel || fact is EventUpdatedIntegrationEvent) ? GetEventInvitationIcs.Cancel : GetEventInvitationIcs.Request;
            files[group.Kind] = await IcsAsync(snapshot.EventId, method, cancellationToken);
        }

        var tickets = new Dictionary<Guid, MailAttachment>();
        if (Enabled(AttendanceModuleContract.Name) && groups.Any(g => g.Kind != Kind.Cancelled && g.People.Count > 0))
        {
            foreach (var person in groups.Where(g => g.Kind != Kind.Cancelled).SelectMany(g => g.People).Distinct())
            {
                var ticket = await sender.Send(new GetAttendanceTicket(snapshot.EventId, start, person), cancellationToken);
                if (ticket is not null)
                {
                    tickets[person] = new MailAttachment("ticket.png", "image/png", ticket.QrPng);
                }
            }
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RunOnceAsync(fact.EventId, Consumer, async ct =>
        {
            foreach (var (kind, people) in groups)
            {
                object model = kind switch
                {
                    Kind.Invitation => new EventInvitationModel(snapshot.EventId, snapshot.Title, snapshot.Location, start, end, names(snapshot.OrganizerId), series),
                    Kind.Updated => new EventUpdatedModel(snapshot.EventId, snapshot.Title, snapshot.Location, start, end, names(snapshot.OrganizerId), series),
                    _ => new EventCancelledModel(snapshot.EventId, snapshot.Title, snapshot.Location, start, end, names(snapshot.OrganizerId), series),
                };

                // An update is a new message per change (the fact's id); an invitation or cancellation once per event/occurrence.
                var key = kind == Kind.Updated ? DedupeKey.For(snapshot.EventId, fact.EventId.ToString("N")) : new DedupeKey(snapshot.EventId.ToString("N"), occurrence);
                foreach (var person in people)
                {
                    var attachments = new List<MailAttachment>();
                    if (files.GetValueOrDefault(kind) is { } ics)
                    {
                        attachments.Add(ics);
                    }

                    if (tickets.TryGetValue(person, out var ticket))
                    {
                        attachments.Add(ticket);
                    }

                    await dispatcher.EnqueueAsync(db, recipients[person], model, key, fact.EventId, attachments: attachments, cancellationToken: ct);
                }
            }
        }, cancellationToken);
    }

    private async Task<MailAttachment?> IcsAsync(Guid eventId, string method, CancellationToken cancellationToken)
    {
        // Without Scheduling in this host there is no one to write the file (a module-only test host): mail goes without it.
        if (!Enabled(SchedulingModuleContract.Name))
        {
            return null;
        }

        var text = await sender.Send(new GetEventInvitationIcs(eventId, method), cancellationToken);
        return text is null
            ? null
            : new MailAttachment(method == GetEventInvitationIcs.Cancel ? "cancel.ics" : "invite.ics", $"text/calendar; method={method}; charset=utf-8", Encoding.UTF8.GetBytes(text));
    }
}
