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

    /// <summary>Records only messages whose Subject line holds <paramref name="marker"/> (other mail of the host is accepted, not counted).</summary>
    public SmtpSink(string marker)
    {
        this.marker = marker;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Arrival of each counted message (Stopwatch timestamps).</summary>
    public ConcurrentQueue<long> Arrivals { get; } = new();

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

                            replies.Append("250 queued\r\n");
                        }
                        else if (!counted && line.Length >= 8 && StartsWith(line, "Subject:"u8))
                        {
                            counted = Contains(line, markerBytes);
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

    private static bool Contains(ReadOnlySequence<byte> line, byte[] needle) =>
        (line.IsSingleSegment ? line.FirstSpan : line.ToArray()).IndexOf(needle) >= 0;
}
