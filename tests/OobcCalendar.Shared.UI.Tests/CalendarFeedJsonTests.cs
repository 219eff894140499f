using System.Text.Json;
using OobcCalendar.Shared.Calendar;
using Shouldly;

namespace OobcCalendar.Shared.UI.Tests;

/// <summary>The one JSON shape every calendar feed answers with, as wwwroot/calendar/full-calendar.js reads it.</summary>
public sealed class CalendarFeedJsonTests
{
    private static JsonElement Single(CalendarFeedEntry entry)
    {
        using var json = JsonDocument.Parse(CalendarFeedJson.Write([entry]));
        return json.RootElement.EnumerateArray().Single().Clone();
    }

    [Fact]
    public void Write_WhenTimed_ThenGivesWallClockTimesAndLeavesUnsetColoursOut()
    {
        var item = Single(new CalendarFeedEntry("e1", "event", "Briefing", new DateTime(2027, 3, 2, 6, 0, 0), new DateTime(2027, 3, 2, 7, 30, 0)));

        (item.GetProperty("start").GetString(), item.GetProperty("end").GetString()).ShouldBe(("2027-03-02T06:00:00", "2027-03-02T07:30:00"));
        (item.GetProperty("allDay").GetBoolean(), item.GetProperty("editable").GetBoolean()).ShouldBe((false, false));
        // An absent colour takes the feed's; a null one would be read as "no colour".
        item.TryGetProperty("color", out _).ShouldBeFalse();
        item.TryGetProperty("borderColor", out _).ShouldBeFalse();
        item.TryGetProperty("url", out _).ShouldBeFalse();
        item.GetProperty("classNames").GetArrayLength().ShouldBe(0);
        item.GetProperty("extendedProps").GetProperty("kind").GetString().ShouldBe("event");
    }

    [Fact]
    public void Write_WhenAllDay_ThenGivesDates()
    {
        var item = Single(new CalendarFeedEntry("e2", "leave", "Away", new DateTime(2027, 3, 3), new DateTime(2027, 3, 5), AllDay: true));

        (item.GetProperty("start").GetString(), item.GetProperty("end").GetString(), item.GetProperty("allDay").GetBoolean()).ShouldBe(("2027-03-03", "2027-03-05", true));
    }

    [Fact]
    public void Write_WhenStyledWithDetails_ThenGivesClassesFlagsAndDetailsIncludingNulls()
    {
        var item = Single(new CalendarFeedEntry("b1", "booking", "Room", new DateTime(2027, 3, 2, 9, 0, 0), new DateTime(2027, 3, 2, 10, 0, 0))
        {
            Colour = "#c8e6c9",
            AccentColour = "#2e7d32",
            Style = CalendarEntryStyle.Pending | CalendarEntryStyle.Recurring,
            Details = new Dictionary<string, string?> { ["status"] = "Pending", ["location"] = null },
        });

        item.GetProperty("color").GetString().ShouldBe("#c8e6c9");
        item.GetProperty("borderColor").GetString().ShouldBe("#2e7d32");
        item.GetProperty("classNames").EnumerateArray().Select(c => c.GetString()).ShouldBe(["oobc-recurring", "oobc-pending"]);
        var props = item.GetProperty("extendedProps");
        (props.GetProperty("recurring").GetBoolean(), props.GetProperty("pending").GetBoolean(), props.GetProperty("cancelled").GetBoolean()).ShouldBe((true, true, false));
        props.GetProperty("status").GetString().ShouldBe("Pending");
        props.GetProperty("location").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Write_WhenADetailTakesAReservedName_ThenRefusesIt()
    {
        var entry = new CalendarFeedEntry("x", "event", "X", new DateTime(2027, 3, 2), new DateTime(2027, 3, 3))
        {
            Details = new Dictionary<string, string?> { ["recurring"] = "yes" },
        };

        Should.Throw<InvalidOperationException>(() => CalendarFeedJson.Write([entry])).Message.ShouldContain("\"recurring\" is reserved");
    }
}
