using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OobcCalendar.Benchmarks;

/// <summary>
/// A minimal local SMTP server that accepts every message and records when its DATA ended (the moment the message was
/// handed to the SMTP server), as a timestamp on a monotonic clock. Only for measuring: no TLS, no auth, no checks.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    private readonly string marker;
    private int accepted;

    private readonly string? numberedMarker;

    /// <summary>
    /// Records only messages whose Subject line holds <paramref name="marker"/> (other mail of the host is accepted, not
    /// counted), and, in <see cref="NumberedArrivals"/>, those holding <paramref name="numberedMarker"/> followed by a number.
    /// </summary>
    public SmtpSink(string marker, string? numberedMarker = null)
    {
        this.marker = marker;
        this.numberedMarker = numberedMarker;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Arrival of each counted message (Stopwatch timestamps).</summary>
    public ConcurrentQueue<long> Arrivals { get; } = new();

    /// <summary>Arrival of each message whose subject holds the numbered marker, with the number after it.</summary>
    public ConcurrentQueue<(long Timestamp, int Number)> NumberedArrivals { get; } = new();

    /// <summary>Every message accepted, counted or not.</summary>
    public int Accepted => Volatile.Read(ref accepted);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    // Byte-level, one reply write per read: the sink shares the bench's two cores with the host and PostgreSQL, so it
    // must cost little per message (a string per line of a 10 KB message made it a noticeable share of the figure).
    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            // Replies to pipelined commands must not wait for the client's delayed ACK (Nagle).
            client.NoDelay = true;
            var stream = client.GetStream();
            var input = PipeReader.Create(stream);
            var markerBytes = Encoding.ASCII.GetBytes(marker);
            var numberedBytes = numberedMarker is null ? null : Encoding.ASCII.GetBytes(numberedMarker);
            var number = -1;
            var replies = new StringBuilder("220 sink ESMTP\r\n");
            bool inData = false, counted = false;
            while (true)
            {
                if (replies.Length > 0)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(replies.ToString()));
                    replies.Clear();
                }

                var read = await input.ReadAsync();
                var buffer = read.Buffer;
                while (TryReadLine(ref buffer, out var line))
                {
                    if (inData)
                    {
                        if (line.Length == 1 && line.FirstSpan[0] == (byte)'.')
                        {
                            inData = false;
                            Interlocked.Increment(ref accepted);
                            if (counted)
                            {
                                Arrivals.Enqueue(Stopwatch.GetTimestamp());
                            }
                            else if (number >= 0)
                            {
                                NumberedArrivals.Enqueue((Stopwatch.GetTimestamp(), number));
                            }

                            replies.Append("250 queued\r\n");
                        }
                        else if (!counted && line.Length >= 8 && StartsWith(line, "Subject:"u8))
                        {
                            counted = Contains(line, markerBytes);
                            number = numberedBytes is null ? -1 : NumberAfter(line, numberedBytes);
                        }

                        continue;
                    }

                    var verb = line.Length >= 4 ? Encoding.ASCII.GetString(line.Slice(0, 4)).ToUpperInvariant() : string.Empty;
                    switch (verb)
                    {
                        case "EHLO":
                            // PIPELINING as every production MTA offers it: MailKit then sends MAIL, RCPT and DATA in one write.
                            replies.Append("250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
                            break;
                        case "DATA":
                            replies.Append("354 end with .\r\n");
                            inData = true;
                            counted = false;
                            number = -1;
                            break;
                        case "QUIT":
                            await stream.WriteAsync(Encoding.ASCII.GetBytes(replies.Append("221 bye\r\n").ToString()));
                            return;
                        default:
                            replies.Append("250 ok\r\n");
                            break;
                    }
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted)
                {
                    return;
                }
            }
        }
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var end = buffer.PositionOf((byte)'\n');
        if (end is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, end.Value);
        if (line.Length > 0 && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r')
        {
            line = line.Slice(0, line.Length - 1);
        }

        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        return true;
    }

    private static bool StartsWith(ReadOnlySequence<byte> line, ReadOnlySpan<byte> prefix)
    {
        Span<byte> head = stackalloc byte[prefix.Length];
        line.Slice(0, prefix.Length).CopyTo(head);
        return Ascii.EqualsIgnoreCase(head, prefix);
    }

    private static int NumberAfter(ReadOnlySequence<byte> line, byte[] needle)
    {
        var span = line.IsSingleSegment ? line.FirstSpan : line.ToArray();
        var at = span.IndexOf(needle);
        if (at < 0)
        {
            return -1;
        }

        var value = 0;
        var digits = 0;
        foreach (var b in span[(at + needle.Length)..])
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                break;
            }

            value = (value * 10) + (b - '0');
            digits++;
        }

        return digits > 0 ? value : -1;
    }

    private static bool Contains(ReadOnlySequence<byte> line, byte[] needle) =>
        (line.IsSingleSegment ? line.FirstSpan : line.ToArray()).IndexOf(needle) >= 0;
}
