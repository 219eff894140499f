using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.TestHost;

/// <summary>The probe's integration event. A poison event is refused by the consumer until <see cref="ProbeBehaviour.Heal"/> is called for it.</summary>
public sealed record ProbeHappened(int Number, bool Poison = false) : IntegrationEvent;
