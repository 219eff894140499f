using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.LeaveTypes;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.UI.Components;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.UI.Pages;

/// <summary>
/// The request form: every change asks <see cref="PreviewLeaveRequest"/> for the days, the balance and the rules the
/// draft breaks, and sending stays disabled while any is broken (the handler checks them again on submit).
/// </summary>
public sealed partial class RequestLeavePage : IDisposable
{
    private IReadOnlyList<LeaveTypeItem>? types;
    private Guid? typeId;
    private DateTime? firstDay;
    private DateTime? lastDay;
    private DayPart firstPart = DayPart.Full;
    private DayPart lastPart = DayPart.Full;
    private string? reason;
    private LeaveDocumentUpload? document;
    private string? documentProblem;
    private IReadOnlyList<DirectoryUser> covering = [];
    private IReadOnlyCollection<Guid> me = [];
    private LeavePreview? preview;
    private IReadOnlyList<string> shapeProblems = [];
    private IReadOnlyDictionary<string, string[]> fieldErrors = new Dictionary<string, string[]>();
    private CancellationTokenSource? previewRun;
    private bool checking;
    private bool submitting;

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private DocumentLimits Limits { get; set; } = default!;

    [Inject] private ILogger<RequestLeavePage> Logger { get; set; } = default!;

    private LeaveTypeItem? SelectedType => types?.FirstOrDefault(t => t.Id == typeId);

    private bool HalfDaysAllowed => SelectedType?.Settings.HalfDaysAllowed == true;

    private bool IsOneDay => firstDay is null || lastDay is null || firstDay.Value.Date == lastDay.Value.Date;

    private string Accept => string.Join(",", Limits.ContentTypes);

    /// <summary>Why sending is not possible yet, or null when it is.</summary>
    private string? BlockedBecause =>
        typeId is null ? "Choose a leave type."
        : firstDay is null || lastDay is null ? "Choose the first and last day."
        : shapeProblems.Count > 0 || preview is { Problems.Count: > 0 } ? "Fix what the preview lists before sending."
        : preview is null ? (checking ? "Checking…" : "Checking the request…")
        : string.IsNullOrWhiteSpace(reason) ? "Give a reason for the leave."
        : documentProblem is not null ? "Remove or replace the document that cannot be attached."
        : null;

    protected override async Task OnInitializedAsync()
    {
        me = [CurrentUser.Id];
        types = await Mediator.Send(new ListLeaveTypes());
    }

    private Task OnTypeChangedAsync(Guid? value)
    {
        typeId = value;
        if (!HalfDaysAllowed)
        {
            (firstPart, lastPart) = (DayPart.Full, DayPart.Full);
        }

        return RefreshPreviewAsync();
    }

    private Task OnFirstDayChangedAsync(DateTime? value)
    {
        firstDay = value;
        // A first day after the last one most likely means a new start: follow with the last day.
        if (value is not null && (lastDay is null || lastDay < value))
        {
            lastDay = value;
        }

        return OnDaysChangedAsync();
    }

    private Task OnLastDayChangedAsync(DateTime? value)
    {
        lastDay = value;
        return OnDaysChangedAsync();
    }

    private Task OnDaysChangedAsync()
    {
        // The choices differ between one day and several: start again from whole days when a choice no longer fits.
        if (IsOneDay)
        {
            lastPart = DayPart.Full;
        }
        else if (firstPart == DayPart.Morning)
        {
            firstPart = DayPart.Full;
        }

        return RefreshPreviewAsync();
    }

    private Task OnFirstPartChangedAsync(DayPart value)
    {
        firstPart = value;
        return RefreshPreviewAsync();
    }

    private Task OnLastPartChangedAsync(DayPart value)
    {
        lastPart = value;
        return RefreshPreviewAsync();
    }

    private void OnCoveringChanged(IReadOnlyList<DirectoryUser> chosen) =>
        covering = chosen.Count > 1 ? [chosen[^1]] : chosen; // one person covers; a new pick replaces the old

    private async Task OnDocumentChosenAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        (document, documentProblem) = (null, null);
        if (file.Size > Limits.MaxBytes)
        {
            documentProblem = $"{file.Name} is {LeaveUiText.Megabytes(file.Size)} MB; the limit is {LeaveUiText.Megabytes(Limits.MaxBytes)} MB. Nothing was attached.";
        }
        else
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(Limits.MaxBytes))
            {
                await stream.CopyToAsync(buffer);
            }

            var content = buffer.ToArray();
            documentProblem = LeaveDocument.Problem(file.Name, file.ContentType, content, Limits) is { } problem ? $"{problem} Nothing was attached." : null;
            document = documentProblem is null ? new LeaveDocumentUpload(file.Name, file.ContentType, content) : null;
        }

        await RefreshPreviewAsync();
    }

    private Task RemoveDocumentAsync()
    {
        (document, documentProblem) = (null, null);
        return RefreshPreviewAsync();
    }

    private async Task RefreshPreviewAsync()
    {
        fieldErrors = new Dictionary<string, string[]>();
        if (previewRun is not null)
        {
            await previewRun.CancelAsync();
            previewRun.Dispose();
        }

        if (typeId is not { } type || firstDay is not { } first || lastDay is not { } last)
        {
            (preview, shapeProblems, previewRun) = (null, [], null);
            return;
        }

        var run = previewRun = new CancellationTokenSource();
        checking = true;
        var query = new PreviewLeaveRequest(type, DateOnly.FromDateTime(first), DateOnly.FromDateTime(last), firstPart, lastPart, document is not null);
        LeavePreview? answer = null;
        var result = await Submit.QuietlyAsync(async () => answer = await Mediator.Send(query, run.Token), Logger, run.Token);
        if (result.Outcome == SubmitOutcome.Cancelled || run.IsCancellationRequested)
        {
            return; // a newer draft's check is on its way
        }

        checking = false;
        preview = result.Succeeded ? answer : null;
        shapeProblems = result.Succeeded ? []
            : result.Outcome == SubmitOutcome.Invalid ? [.. result.FieldErrors.SelectMany(e => e.Value)]
            : [result.Message ?? UserMessages.Unexpected];
    }

    private async Task SubmitAsync()
    {
        if (BlockedBecause is not null || typeId is not { } type || firstDay is not { } first || lastDay is not { } last)
        {
            return;
        }

        submitting = true;
        LeaveRequestReceipt? receipt = null;
        var command = new SubmitLeaveRequest(
            type, DateOnly.FromDateTime(first), DateOnly.FromDateTime(last), firstPart, lastPart, reason!.Trim(), covering.FirstOrDefault()?.Id, document);
        var result = await Submit.RunAsync(
            async () => receipt = await Mediator.Send(command),
            Snackbar,
            errors => fieldErrors = errors,
            Logger,
            invalidNotice: "The request was not sent: see the messages on the form.");
        submitting = false;
        if (result.Succeeded && receipt is not null)
        {
            Navigation.NavigateTo($"/leave?filed={receipt.RequestId}");
        }
        else if (result.Outcome is SubmitOutcome.Invalid or SubmitOutcome.Conflict)
        {
            // Someone or something changed the figures meanwhile (a balance, another request): show the fresh ones.
            var kept = fieldErrors;
            await RefreshPreviewAsync();
            fieldErrors = kept;
        }
    }

    private IReadOnlyList<string> PreviewProblems => [.. shapeProblems, .. preview?.Problems.Select(p => p.Message) ?? []];

    private bool HasError(string field) => fieldErrors.ContainsKey(field);

    private string? ErrorOf(string field) => fieldErrors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <inheritdoc />
    public void Dispose()
    {
        previewRun?.Cancel();
        previewRun?.Dispose();
    }
}
