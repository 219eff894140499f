using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.UI.Events;
using OobcCalendar.Shared.Modules;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.UI.Tests;

/// <summary>
/// ADR 0029: an event's details render what other modules register (here a module Scheduling has never heard of), given
/// the occurrence shown: a series' RECURRENCE-ID, a single event's start.
/// </summary>
public sealed class EventDetailsExtensionsTests : DialogTestContext
{
    private static readonly DateTimeOffset Start = new(2026, 12, 15, 9, 0, 0, TimeSpan.FromHours(8));

    public EventDetailsExtensionsTests() =>
        Modules.Add(new ModuleDefinition("Elsewhere", typeof(Probe).Assembly, []) { EventDetailsExtensions = [new EventDetailsExtension("elsewhere.probe", typeof(Probe))] });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Details_WhenAModuleAddsAnExtension_ThenItIsRenderedWithTheOccurrenceShown(bool series)
    {
        var eventId = Guid.NewGuid();
        var occurrence = Start.AddDays(7);
        Mediator.Answer<GetEventDetails>(_ => new EventDetails(
            eventId, series ? occurrence : null, "Planning", null, null, series ? occurrence : Start, (series ? occurrence : Start).AddHours(1), Start, "Asia/Manila", false,
            null, EventVisibility.Normal, null, series ? "FREQ=WEEKLY" : null, false, false,
            new ParticipantView(FakeDirectory.Me.Id, FakeDirectory.Me.DisplayName, null, ParticipantResponse.Accepted, null), [],
            CanEdit: true, DetailsHidden: false, MyResponse: null, OnLeave: []));

        await ShowAsync(new DialogParameters<EventDetailsDialog> { { d => d.EventId, eventId }, { d => d.RecurrenceId, series ? occurrence : null } });

        Provider.WaitForAssertion(() => Provider.Find("[data-extension='elsewhere.probe'] [data-testid=probe]")
            .TextContent.ShouldBe($"{eventId} {(series ? occurrence : Start).UtcDateTime:O} {series}"));
    }

    /// <summary>A stand-in for another module's component: shows the occurrence it was given.</summary>
    private sealed class Probe : ComponentBase
    {
        [Parameter] public EventOccurrenceRef Occurrence { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "data-testid", "probe");
            builder.AddContent(2, $"{Occurrence.EventId} {Occurrence.OccurrenceStartUtc.UtcDateTime:O} {Occurrence.IsSeries}");
            builder.CloseElement();
        }
    }
}
