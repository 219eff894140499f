using System.Text;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Shared.Ics;

/// <summary>
/// Turns an uploaded file into a parsed calendar, or fails with a message that says what is wrong with the file.
/// The guards every reader of a stranger's .ics needs (size, shape, parser failures) live here (docs/adr/0009).
/// </summary>
public static class IcsReader
{
    /// <summary>Largest file an import accepts (a year of a busy calendar is well under it).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>"2 MB", for messages and the upload page.</summary>
    public static string MaxSizeText => $"{MaxBytes / (1024 * 1024)} MB";

    /// <summary>Reads at most <see cref="MaxBytes"/> from an upload, failing clearly (before reading it all) when it is larger.</summary>
    public static async Task<byte[]> ReadUploadAsync(Stream upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw TooLarge();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Parses <paramref name="content"/>; throws <see cref="InputValidationException"/> naming <paramref name="fileName"/> when it is not a usable calendar.</summary>
    public static Ical.Net.Calendar Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxBytes)
        {
            throw TooLarge();
        }

        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.Length == 0)
        {
            throw Invalid($"“{fileName}” is empty. Choose an .ics calendar file.");
        }

        if (!text.StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid($"“{fileName}” is not an iCalendar file: an .ics file starts with BEGIN:VCALENDAR. Export your calendar as .ics and try again.");
        }

        Ical.Net.Calendar? calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(text);
        }
#pragma warning disable CA1031 // A parser fed a stranger's file can fail in many ways; each one means "this file is damaged".
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw Invalid($"“{fileName}” is damaged and could not be read ({Reason(ex)}).");
        }

        if (calendar is null)
        {
            throw Invalid($"“{fileName}” is damaged and could not be read.");
        }

        if (calendar.Events.Count == 0)
        {
            var others = calendar.Todos.Count + calendar.Journals.Count;
            throw Invalid(others > 0
                ? $"“{fileName}” holds no events, only {others} to-dos or notes, which this calendar does not keep."
                : $"“{fileName}” holds no events to import.");
        }

        return calendar;
    }

    private static string Reason(Exception ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }

    private static InputValidationException TooLarge() => Invalid(
        $"The file is larger than {MaxSizeText}. Export a shorter period from your other calendar, or split the file, and import each part.");

    private static InputValidationException Invalid(string message) => new(new Dictionary<string, string[]> { ["File"] = [message] });
}
