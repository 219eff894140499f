using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Logging;
using OobcCalendar.Modules.Scheduling.Features.Ics;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Ics;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.UI.Pages.Ics;

/// <summary>Upload an .ics file, see what it holds and what will be skipped, then import it in one go.</summary>
public partial class ImportCalendarPage
{
    private ImportStep step = ImportStep.Choose;
    private string fileName = string.Empty;
    private byte[]? content;
    private IcsPreview? preview;
    private ImportResult? result;
    private string? error;
    private bool uploadReady;

    /// <summary>The steps of an import, as the page shows them.</summary>
    internal enum ImportStep
    {
        Choose,
        Reading,
        Preview,
        Importing,
        Done,
        Failed,
    }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private ILogger<ImportCalendarPage> Logger { get; set; } = default!;

    private string ImportButtonText => preview is { Events.Count: var n } ? $"Import {n} {(n == 1 ? "event" : "events")}" : "Import";

    private string DoneText => result is null ? string.Empty
        : $"Imported {result.Imported} {(result.Imported == 1 ? "event" : "events")}" + (result.Series > 0 ? $" ({result.Series} repeating)." : ".");

    /// <summary>The calendar, opened on the week of the first imported event.</summary>
    private string CalendarLink => result?.FirstStart is { } first
        ? "/calendar?view=week&date=" + WallClock.ToLocalDate(first, OfficeTime.Zone(CurrentUser.TimeZoneId)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : "/calendar";

    private static string SkippedText(int count) => count == 1 ? "1 item was" : $"{count} items were";

    private async Task OnFileChosenAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        (step, fileName, preview, result, error) = (ImportStep.Reading, file.Name, null, null, null);
        await RunAsync(async () =>
        {
            // Read no more than the limit: a huge file fails fast with the size message instead of streaming in whole.
            await using var stream = file.OpenReadStream(long.MaxValue);
            content = await IcsReader.ReadUploadAsync(stream, CancellationToken.None);
            preview = await Mediator.Send(new PreviewIcsImport(content, file.Name));
            step = ImportStep.Preview;
        });
    }

    private async Task ImportAsync()
    {
        if (content is null)
        {
            return;
        }

        step = ImportStep.Importing;
        await RunAsync(async () =>
        {
            result = await Mediator.Send(new ImportIcs(content, fileName));
            step = ImportStep.Done;
        });
    }

    private void StartOver() => (step, content, preview, result, error, uploadReady) = (ImportStep.Choose, null, null, null, null, false);

    /// <summary>
    /// Marks the upload box ready one render after it appeared: the file input wires itself up in the browser after its
    /// first render, and a file handed over before that is lost (browser tests wait for this mark).
    /// </summary>
    protected override void OnAfterRender(bool firstRender)
    {
        if (step == ImportStep.Choose && !uploadReady && RendererInfo.IsInteractive)
        {
            uploadReady = true;
            StateHasChanged();
        }
    }

    private async Task RunAsync(Func<Task> action)
    {
        // Errors stay on the page with a way back, not in a snackbar; the log gets the unexpected ones with the file's name.
        var outcome = await Submit.QuietlyAsync(action);
        if (outcome.Error is IOException ex)
        {
            // The browser stopped sending the file (closed tab, lost connection, file changed on disk).
            Logger.LogInformation(ex, "Reading an uploaded calendar file failed");
            (step, error) = (ImportStep.Failed, "The file could not be read from your browser. Choose it again.");
        }
        else if (!outcome.Succeeded)
        {
            if (outcome.Outcome == SubmitOutcome.Failed)
            {
                Logger.LogError(outcome.Error, "Importing calendar file {FileName} failed", fileName);
            }

            (step, error) = (ImportStep.Failed, outcome.Message);
        }
    }
}
