using System.Globalization;
using System.Text;
using OobcCalendar.Modules.Notifications.Messages.Rendering;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Notifications.Messages.Digests;

/// <summary>One occurrence in a digest, where it is now (after any move).</summary>
internal sealed record DigestEvent(string Title, string? Location, DateTimeOffset StartUtc, DateTimeOffset EndUtc);

/// <summary>One of the person's bookings (Resources' calendar query); <see cref="Status"/> "Approved" or "Pending".</summary>
internal sealed record DigestBooking(string ResourceName, string Purpose, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string Status);

/// <summary>A teammate away (approved leave; the type is never named, as colleagues see "Out of office").</summary>
internal sealed record DigestAbsence(string PersonName, DateOnly FirstDay, DateOnly LastDay);

/// <summary>What waits for the person's decision on the approvals dashboards (0 and 0 for someone who approves nothing).</summary>
internal sealed record DigestApprovals(int Bookings, int Leave)
{
    public static readonly DigestApprovals None = new(0, 0);

    public bool Any => Bookings > 0 || Leave > 0;

    /// <summary>"2 booking requests", "1 leave request" with where to decide them; only the kinds that have some.</summary>
    public IEnumerable<(string Text, string Path)> Lines()
    {
        if (Bookings > 0)
        {
            yield return (DigestText.Count(Bookings, "booking request"), "/resources/approvals");
        }

        if (Leave > 0)
        {
            yield return (DigestText.Count(Leave, "leave request"), "/leave/approvals");
        }
    }
}

/// <summary>
/// The morning summary of <see cref="Day"/> (the person's local date): their events, bookings, teammates away and, for
/// approvers, what waits for their decision. Lists are capped by the sweep; <see cref="MoreEvents"/> counts the events left out.
/// </summary>
internal sealed record DailyDigestModel(
    DateOnly Day, IReadOnlyList<DigestEvent> Events, int MoreEvents, IReadOnlyList<DigestBooking> Bookings, IReadOnlyList<DigestAbsence> Away,
    DigestApprovals? Approvals = null)
{
    public DigestApprovals Waiting => Approvals ?? DigestApprovals.None;

    public bool IsEmpty => Events.Count == 0 && MoreEvents == 0 && Bookings.Count == 0 && Away.Count == 0 && !Waiting.Any;
}

/// <summary>The Monday summary of the local week starting <see cref="Monday"/>: the person's events, capped.</summary>
internal sealed record WeeklyDigestModel(DateOnly Monday, IReadOnlyList<DigestEvent> Events, int MoreEvents)
{
    public bool IsEmpty => Events.Count == 0 && MoreEvents == 0;
}

/// <summary>Texts shared by both digests.</summary>
internal static class DigestText
{
    public static string Event(DigestEvent e, MessageContext context) =>
        $"{context.Range(e.StartUtc, e.EndUtc)}  {e.Title}{(e.Location is null ? "" : $" ({e.Location})")}";

    public static string Booking(DigestBooking b, MessageContext context) =>
        $"{context.Range(b.StartUtc, b.EndUtc)}  {b.ResourceName}: {b.Purpose}{(b.Status == "Approved" ? "" : $" [{b.Status.ToLowerInvariant()}]")}";

    public static string Absence(DigestAbsence a) => $"{a.PersonName}: {MessageContext.Days(a.FirstDay, a.LastDay)}";

    public static string Count(int n, string unit) => n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? "" : "s");

    /// <summary>Greeting, headline, the sections, and the calendar's address: the plain-text part of either digest.</summary>
    public static string Compose(MessageContext context, string headline, string link, Action<StringBuilder> sections)
    {
        var text = new StringBuilder().Append("Hello ").Append(context.RecipientName).AppendLine(",").AppendLine().Append(headline).AppendLine(".");
        sections(text);
        return text.AppendLine().Append("Your calendar: ").Append(context.Url(link)).AppendLine().ToString();
    }

    public static void Section(StringBuilder text, string heading, IEnumerable<string> lines, int more = 0)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine(heading);
        foreach (var line in list)
        {
            text.Append("- ").AppendLine(line);
        }

        if (more > 0)
        {
            text.Append("- and ").Append(Count(more, "more event")).AppendLine();
        }
    }
}

internal sealed class DailyDigestMessage : MessageType<DailyDigestModel, DailyDigestEmail>
{
    public const string TypeKey = "digest.daily";

    public override string Key => TypeKey;

    public override string Name => "Daily digest";

    protected override DailyDigestModel SampleModel(DateTimeOffset now)
    {
        var nine = new DateTimeOffset(now.Date.AddHours(9), now.Offset);
        return new(
            DateOnly.FromDateTime(now.Date),
            [new("Quarterly planning", "Conference room A", nine, nine.AddHours(1)), new("Team stand-up", null, nine.AddHours(2), nine.AddHours(2.25))],
            0,
            [new("Van 2", "Site visit", nine.AddHours(4), nine.AddHours(7), "Approved")],
            [new("Jamal Usman", DateOnly.FromDateTime(now.Date), DateOnly.FromDateTime(now.Date.AddDays(2)))],
            new DigestApprovals(2, 1));
    }

    internal static string Headline(DailyDigestModel model) => $"Your day: {TimeText.LongDate(model.Day)}";

    protected override string Subject(DailyDigestModel model, MessageContext context) =>
        $"{Headline(model)} ({DigestText.Count(model.Events.Count + model.MoreEvents, "event")})";

    protected override string Text(DailyDigestModel model, MessageContext context) =>
        DigestText.Compose(context, Headline(model), Link(model), text =>
        {
            DigestText.Section(text, "Events:", model.Events.Select(e => DigestText.Event(e, context)), model.MoreEvents);
            DigestText.Section(text, "Bookings:", model.Bookings.Select(b => DigestText.Booking(b, context)));
            DigestText.Section(text, "Out of office in your team:", model.Away.Select(DigestText.Absence));
            DigestText.Section(text, "Waiting for your decision:", model.Waiting.Lines().Select(l => $"{l.Text}: {context.Url(l.Path)}"));
        });

    protected override string Summary(DailyDigestModel model, MessageContext context) =>
        $"{Headline(model)}: {DigestText.Count(model.Events.Count + model.MoreEvents, "event")}, {DigestText.Count(model.Bookings.Count, "booking")}, {DigestText.Count(model.Away.Count, "teammate")} out{(model.Waiting.Any ? $", {DigestText.Count(model.Waiting.Bookings + model.Waiting.Leave, "request")} to decide" : string.Empty)}.";

    protected override string Link(DailyDigestModel model) => "/calendar";
}

internal sealed class WeeklyDigestMessage : MessageType<WeeklyDigestModel, WeeklyDigestEmail>
{
    public const string TypeKey = "digest.weekly";

    public override string Key => TypeKey;

    public override string Name => "Weekly digest";

    protected override WeeklyDigestModel SampleModel(DateTimeOffset now)
    {
        var nine = new DateTimeOffset(now.Date.AddHours(9), now.Offset);
        var monday = DateOnly.FromDateTime(now.Date).AddDays(-(((int)now.DayOfWeek + 6) % 7));
        return new(monday, [new("Quarterly planning", "Conference room A", nine, nine.AddHours(1)), new("Budget review", null, nine.AddDays(2), nine.AddDays(2).AddHours(2))], 0);
    }

    internal static string Headline(WeeklyDigestModel model) => $"Your week from {TimeText.LongDate(model.Monday)}";

    protected override string Subject(WeeklyDigestModel model, MessageContext context) =>
        $"{Headline(model)} ({DigestText.Count(model.Events.Count + model.MoreEvents, "event")})";

    protected override string Text(WeeklyDigestModel model, MessageContext context) =>
        DigestText.Compose(context, Headline(model), Link(model), text =>
            DigestText.Section(text, "Events:", model.Events.Select(e => DigestText.Event(e, context)), model.MoreEvents));

    protected override string Summary(WeeklyDigestModel model, MessageContext context) =>
        $"{Headline(model)}: {DigestText.Count(model.Events.Count + model.MoreEvents, "event")}.";

    protected override string Link(WeeklyDigestModel model) => "/calendar";
}
