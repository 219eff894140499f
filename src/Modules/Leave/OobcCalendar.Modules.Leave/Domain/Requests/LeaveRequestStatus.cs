namespace OobcCalendar.Modules.Leave.Domain.Requests;

/// <summary>Where a request stands. Pending and approved requests hold their days (the no-overlap constraint covers them).</summary>
internal enum LeaveRequestStatus
{
    Pending,
    Approved,
    Rejected,
    Cancelled,
}
