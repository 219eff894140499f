using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.TestHost;

/// <summary>
/// Applies each <see cref="ProbeHappened"/> through the inbox (<c>RunOnceAsync</c>) by writing one row to
/// <c>probe.applied</c>, which has no unique key, so applying an event twice would leave two rows.
/// </summary>
internal sealed class ProbeConsumer(
    IDbContextFactory<ProbeDbContext> contexts,
    ProbeBehaviour behaviour,
    ProbeOptions options,
    TimeProvider timeProvider) : IIntegrationEventHandler<ProbeHappened>
{
    public const string Name = "probe.applier";

    public async Task HandleAsync(ProbeHappened integrationEvent, CancellationToken cancellationToken)
    {
        behaviour.RecordAttempt(integrationEvent.EventId);
        if (behaviour.Refuses(integrationEvent))
        {
            throw new InvalidOperationException($"Probe consumer refuses poison event #{integrationEvent.Number}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RunOnceAsync(
            integrationEvent.EventId,
            Name,
            async ct =>
            {
                db.Applied.Add(new AppliedEvent
                {
                    EventId = integrationEvent.EventId,
                    Number = integrationEvent.Number,
                    Instance = options.Instance,
                    AppliedAt = timeProvider.GetUtcNow(),
                });
                if (options.DelayMs > 0)
                {
                    // Inside the inbox transaction: a kill here must roll the whole application back.
                    await Task.Delay(options.DelayMs, ct);
                }
            },
            cancellationToken);
    }
}
