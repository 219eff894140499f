using OobcCalendar.Modules.Notifications.Messages.Rendering;

namespace OobcCalendar.Modules.Notifications.Messages.Leave;

/// <summary>A leave request waits for the recipient (the manager, a substitute approver, or Admin).</summary>
internal sealed record LeaveRequestedModel(
    Guid RequestId, string PersonName, string LeaveTypeName, DateOnly FirstDay, DateOnly LastDay, decimal Days, string Reason);

internal sealed class LeaveRequestedMessage : MessageType<LeaveRequestedModel, LeaveRequestedEmail>
{
    public const string TypeKey = "leave.requested";

    public override string Key => TypeKey;

    public override string Name => "Leave waiting for my approval";

    protected override LeaveRequestedModel SampleModel(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(7);
        return new(Guid.Empty, "Amina Staff", "Vacation Leave", day, day.AddDays(2), 3m, "Family visit");
    }

    protected override string Subject(LeaveRequestedModel model, MessageContext context) =>
        $"Leave to approve: {model.PersonName}, {model.LeaveTypeName}, {MessageContext.Days(model.FirstDay, model.LastDay)}";

    protected override string Text(LeaveRequestedModel model, MessageContext context) => $"""
        Hello {context.RecipientName},

        {model.PersonName} asked for {model.LeaveTypeName}.
        Days: {MessageContext.Days(model.FirstDay, model.LastDay)} ({model.Days:0.#} working day(s))
        Reason: {model.Reason}

        Approve or reject it: {context.Url(Link(model))}
        """;

    protected override string Summary(LeaveRequestedModel model, MessageContext context) =>
        $"{model.PersonName} asked for {model.LeaveTypeName}, {MessageContext.Days(model.FirstDay, model.LastDay)}.";

    protected override string Link(LeaveRequestedModel model) => "/leave/approvals";
}
