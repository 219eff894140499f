using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Leave.Domain.Requests;

/// <summary>Upload limits of supporting documents (configuration <c>Leave:Documents:*</c>).</summary>
internal sealed record DocumentLimits(long MaxBytes, IReadOnlyList<string> ContentTypes)
{
    public static DocumentLimits Default { get; } = new(5 * 1024 * 1024, ["application/pdf", "image/jpeg", "image/png"]);
}

/// <summary>
/// A supporting document (a medical certificate...), stored in the database beside its request. The declared type
/// must be allowed and the bytes must start like that type, so a renamed file of another kind is refused.
/// </summary>
internal sealed class LeaveDocument
{
    private LeaveDocument()
    {
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long Size { get; private set; }

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The message for a document that breaks the limits, or null.</summary>
    public static string? Problem(string fileName, string contentType, ReadOnlySpan<byte> content, DocumentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (content.Length == 0)
        {
            return "The document is empty.";
        }

        if (content.Length > limits.MaxBytes)
        {
            return $"The document is {Megabytes(content.Length)} MB; the limit is {Megabytes(limits.MaxBytes)} MB.";
        }

        var type = contentType?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!limits.ContentTypes.Contains(type) || !LooksLike(type, content))
        {
            return $"{(string.IsNullOrWhiteSpace(fileName) ? "The document" : fileName.Trim())} is not a PDF, JPEG or PNG file.";
        }

        return null;
    }

    public static LeaveDocument Create(Guid requestId, string fileName, string contentType, byte[] content, DocumentLimits limits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Problem(fileName, contentType, content, limits) is { } problem)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["Document"] = [problem] });
        }

        var name = Path.GetFileName(fileName?.Trim() ?? string.Empty);
        return new LeaveDocument
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            FileName = name.Length == 0 ? "document" : name[..Math.Min(name.Length, 200)],
            ContentType = contentType.Trim().ToLowerInvariant(),
            Size = content.Length,
            Content = content,
            UploadedAt = now.ToUniversalTime(),
        };
    }

    private static bool LooksLike(string type, ReadOnlySpan<byte> content) => type switch
    {
        "application/pdf" => content.StartsWith("%PDF-"u8),
        "image/png" => content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        _ => false,
    };

    private static string Megabytes(long bytes) => (bytes / (1024m * 1024m)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
