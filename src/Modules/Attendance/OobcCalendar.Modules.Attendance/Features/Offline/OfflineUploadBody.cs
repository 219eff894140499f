using Microsoft.AspNetCore.Http;

namespace OobcCalendar.Modules.Attendance.Features.Offline;

/// <summary>
/// Reads a request body up to a limit, whether or not it declares its length (a chunked body does not), so an
/// oversized upload is refused with a clear 413 before anything is parsed or recorded.
/// </summary>
internal readonly record struct OfflineUploadBody(byte[] Bytes, bool TooLarge)
{
    public static async Task<OfflineUploadBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return new OfflineUploadBody([], true);
        }

        var buffer = new byte[maxBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return read > maxBytes ? new OfflineUploadBody([], true) : new OfflineUploadBody(buffer[..read], false);
    }
}
