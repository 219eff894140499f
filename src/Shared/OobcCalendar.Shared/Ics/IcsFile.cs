using System.Globalization;
using System.Text;

namespace OobcCalendar.Shared.Ics;

/// <summary>An iCalendar (.ics) file ready to download.</summary>
/// <param name="FileName">The name offered to the browser.</param>
/// <param name="Content">The file's UTF-8 bytes.</param>
public sealed record IcsFile(string FileName, byte[] Content)
{
    /// <summary>The media type of iCalendar (RFC 5545 §8.1).</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>"team-meeting" from "Team meeting!": a file name part people recognise, safe on every system.</summary>
    public static string Slug(string text, string fallback)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var value = slug.ToString().Trim('-');
        return value.Length == 0 ? fallback : value[..Math.Min(60, value.Length)].TrimEnd('-');
    }
}
