using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Offline;

/// <summary>
/// An offline scanner uploads the scans it queued (ADR 0030). Each goes through <see cref="CheckInAttendee"/> with its own
/// scan time, so the server judges it exactly as a live scan (and the desks see it live); its
/// <see cref="OfflineScanUpload.ClientScanId"/> makes the upload idempotent: a scan uploaded again, or twice at once,
/// answers the first upload's verdict and checks nobody in twice.
/// </summary>
internal sealed record UploadOfflineScans(Guid ListId, IReadOnlyList<OfflineScanUpload> Scans) : ICommand<OfflineUploadResult>;

/// <summary>One queued scan: the scanner's id for it, the code as scanned, the desk's name and when it was scanned.</summary>
internal sealed record OfflineScanUpload(Guid ClientScanId, string Code, string Desk, DateTimeOffset ScannedAtUtc);

/// <summary>The server's verdict on each uploaded scan, in the order sent.</summary>
internal sealed record OfflineUploadResult(IReadOnlyList<OfflineScanVerdict> Verdicts);

/// <summary>
/// <paramref name="Status"/> is <c>checked-in</c> (this scan checked the person in), <c>already-checked-in</c> (someone
/// else had, <paramref name="Desk"/> and <paramref name="CheckedInAt"/> say where and when) or <c>refused</c> (nothing recorded).
/// </summary>
internal sealed record OfflineScanVerdict(Guid ClientScanId, string Status, string Message, string? Name, DateTimeOffset? CheckedInAt, string? Desk)
{
    public const string CheckedIn = "checked-in";
    public const string AlreadyCheckedIn = "already-checked-in";
    public const string Refused = "refused";
}

internal sealed class UploadOfflineScansValidator : AbstractValidator<UploadOfflineScans>
{
    /// <summary>The most scans one upload may carry; the scanner sends its queue in batches of this size.</summary>
    public const int MaxScans = 100;

    public UploadOfflineScansValidator()
    {
        RuleFor(u => u.Scans).NotNull().WithMessage("Send the scans to upload.")
            .Must(s => s is null || s.Count <= MaxScans).WithMessage($"Send at most {MaxScans} scans per upload.")
            .Must(s => s is null || s.Count > 0).WithMessage("Send at least one scan.")
            .Must(s => s is null || s.Select(x => x?.ClientScanId).Distinct().Count() == s.Count).WithMessage("Each scan needs its own scan id.");
        RuleForEach(u => u.Scans).NotNull().WithMessage("A scan is empty.").ChildRules(scan =>
        {
            scan.RuleFor(s => s.ClientScanId).NotEmpty().WithMessage("Each scan needs a scan id.");
            scan.RuleFor(s => s.Code).NotEmpty().WithMessage("A scan has no code.").MaximumLength(200).WithMessage("That code is too long to be a ticket.");
            scan.RuleFor(s => s.Desk).NotEmpty().WithMessage("Name the desk (e.g. \"desk 1\").").MaximumLength(60).WithMessage("The desk name is too long.");
            scan.RuleFor(s => s.ScannedAtUtc).NotEmpty().WithMessage("A scan has no time.");
        }).When(u => u.Scans is { Count: <= MaxScans });
    }
}

internal sealed class UploadOfflineScansHandler(IDbContextFactory<AttendanceDbContext> contexts, IMediator mediator, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UploadOfflineScans, OfflineUploadResult>
{
    public async ValueTask<OfflineUploadResult> Handle(UploadOfflineScans command, CancellationToken cancellationToken)
    {
        // The whole batch is refused (403/404) for someone who may not run this list's desk; CheckInAttendee checks again per scan.
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var context = await ListAccess.LoadAsync(db, command.ListId, cancellationToken);
            ListAccess.EnsureMayRunDesk(user, context.Occurrence);
        }

        var verdicts = new List<OfflineScanVerdict>(command.Scans.Count);
        foreach (var scan in command.Scans)
        {
            verdicts.Add(await JudgeAsync(command.ListId, scan, cancellationToken));
        }

        return new OfflineUploadResult(verdicts);
    }

    private async Task<OfflineScanVerdict> JudgeAsync(Guid listId, OfflineScanUpload scan, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var claim = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = new OfflineScan(scan.ClientScanId, listId, scan.Desk.Trim(), scan.ScannedAtUtc, user.Id, clock.GetUtcNow());
        db.OfflineScans.Add(row);
        try
        {
            // Claims the scan id: the same scan uploaded at the same moment waits on the primary key until this
            // transaction ends, then fails and reads the verdict stored here.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            return await StoredVerdictAsync(listId, scan.ClientScanId, cancellationToken);
        }

        CheckInResult result;
        try
        {
            result = await mediator.Send(new CheckInAttendee(listId, scan.Code, null, scan.Desk, scan.ScannedAtUtc), cancellationToken);
        }
        catch (UserFacingException refused)
        {
            // Forged, another event's ticket, closed list...: nothing is recorded, not even the claim.
            await claim.RollbackAsync(cancellationToken);
            return new OfflineScanVerdict(scan.ClientScanId, OfflineScanVerdict.Refused, refused.Message, null, null, null);
        }

        var checkedIn = result.Outcome == CheckInOutcome.CheckedIn;
        row.Judged(result.CheckInId, checkedIn, result.Name, result.CheckedInAt, result.Desk, result.Message);
        await db.SaveChangesAsync(cancellationToken);
        await claim.CommitAsync(cancellationToken);
        return Verdict(row);
    }

    private async Task<OfflineScanVerdict> StoredVerdictAsync(Guid listId, Guid clientScanId, CancellationToken cancellationToken)
    {
        await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await fresh.OfflineScans.AsNoTracking().FirstAsync(s => s.ClientScanId == clientScanId, cancellationToken);
        return stored.ListId == listId
            ? Verdict(stored)
            : new OfflineScanVerdict(clientScanId, OfflineScanVerdict.Refused, "This scan was already uploaded for another event.", null, null, null);
    }

    private static OfflineScanVerdict Verdict(OfflineScan row) => new(
        row.ClientScanId, row.CheckedIn ? OfflineScanVerdict.CheckedIn : OfflineScanVerdict.AlreadyCheckedIn, row.Message, row.Name, row.CheckedInAt, row.CheckedInDesk);
}
