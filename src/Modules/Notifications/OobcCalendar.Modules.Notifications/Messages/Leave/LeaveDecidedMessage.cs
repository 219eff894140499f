using OobcCalendar.Modules.Notifications.Messages.Rendering;

namespace OobcCalendar.Modules.Notifications.Messages.Leave;

/// <summary>The requester's leave was approved (every level) or rejected (<see cref="DecisionReason"/> set).</summary>
internal sealed record LeaveDecidedModel(
    Guid RequestId, string LeaveTypeName, bool Approved, string DeciderName, DateOnly FirstDay, DateOnly LastDay, decimal Days, string? DecisionReason);

internal sealed class LeaveDecidedMessage : MessageType<LeaveDecidedModel, LeaveDecidedEmail>
{
    public const string TypeKey = "leave.decided";

    public override string Key => TypeKey;

    public override string Name => "My leave approved or rejected";

    protected override LeaveDecidedModel SampleModel(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(7);
        return new(Guid.Empty, "Vacation Leave", true, "Omar Manager", day, day.AddDays(2), 3m, null);
    }

    internal static string Outcome(LeaveDecidedModel model) => model.Approved ? "approved" : "rejected";

    protected override string Subject(LeaveDecidedModel model, MessageContext context) =>
        $"Leave {Outcome(model)}: {model.LeaveTypeName}, {MessageContext.Days(model.FirstDay, model.LastDay)}";

    protected override string Text(LeaveDecidedModel model, MessageContext context) => $"""
        Hello {context.RecipientName},

        {model.DeciderName} {Outcome(model)} your {model.LeaveTypeName}.
        Days: {MessageContext.Days(model.FirstDay, model.LastDay)} ({model.Days:0.#} working day(s))
        {(model.DecisionReason is { Length: > 0 } reason ? $"Reason: {reason}" : string.Empty)}

        Your leave: {context.Url(Link(model))}
        """;

    protected override string Summary(LeaveDecidedModel model, MessageContext context) =>
        $"{model.DeciderName} {Outcome(model)} your {model.LeaveTypeName}, {MessageContext.Days(model.FirstDay, model.LastDay)}.";

    protected override string Link(LeaveDecidedModel model) => "/leave";
}
