using System.Collections.Concurrent;
using System.Diagnostics;
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

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-sink");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with .");
                        var counted = false;
                        while (await reader.ReadLineAsync() is { } data && data != ".")
                        {
                            counted |= data.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase) && data.Contains(marker, StringComparison.Ordinal);
                        }

                        if (counted)
                        {
                            Arrivals.Enqueue(Stopwatch.GetTimestamp());
                        }
                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }
        }
    }
}
