namespace OobcCalendar.Modules.Leave.Contracts;

/// <summary>Live-update topics the Leave module raises.</summary>
public static class LeaveTopics
{
    /// <summary>A leave request was filed, decided or cancelled (key: request id, kind: the verb; audience: the person and approvers).</summary>
    public const string Requests = "leave.requests";

    /// <summary>A ledger entry was booked for someone (key: person id; audience: the person).</summary>
    public const string Balances = "leave.balances";

    /// <summary>Admin added, changed or removed a holiday (key: holiday id).</summary>
    public const string Holidays = "leave.holidays";
}
