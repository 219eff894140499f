using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace OobcCalendar.Testing;

/// <summary>
/// A real SMTP server for tests: Debian's python3-aiosmtpd in a child process with a handler
/// (smtp/smtp_folder_handler.py) that writes each message to a folder. Point the host's SMTP settings at
/// <see cref="Host"/>:<see cref="Port"/>, then read what arrived with <see cref="MessagesAsync"/> or wait for
/// it with <see cref="WaitForMessagesAsync"/>. One server per fixture; <see cref="Clear"/> empties it.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly StringBuilder output = new();
    private Process? process;

    /// <summary>The address the server listens on.</summary>
    public string Host { get; } = "127.0.0.1";

    /// <summary>The port the server listens on: chosen free when the fixture is built (so a host can be configured
    /// before the server starts), and kept across <see cref="StopAsync"/> and <see cref="StartAsync"/>.</summary>
    public int Port { get; } = FreePort();

    /// <summary>The folder the handler writes messages to (deleted when the fixture is disposed).</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"oobc-smtp-{Guid.NewGuid():N}");

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Transcript()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <inheritdoc />
    public Task InitializeAsync() => StartAsync();

    /// <summary>Stops the server process (a drill: clients now fail to connect); messages received so far stay.</summary>
    public Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
        process = null;
        return Task.CompletedTask;
    }

    /// <summary>Starts the server on <see cref="Port"/> and returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        Directory.CreateDirectory(Folder);
        var handlerFolder = Path.Combine(AppContext.BaseDirectory, "smtp");
        var start = new ProcessStartInfo(Python(), ["-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "smtp_folder_handler.FolderHandler", Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = handlerFolder;
        start.Environment["PYTHONUNBUFFERED"] = "1";
        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start python3 -m aiosmtpd.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Ready when it accepts a connection (it greets with 220), or failed when the process ends first.
        await Eventually.UntilAsync(
            async () => process.HasExited || await AcceptsAsync(),
            StartTimeout,
            $"aiosmtpd listening on {Host}:{Port}",
            () => Task.FromResult(Transcript()));
        if (process.HasExited)
        {
            throw new InvalidOperationException(
                $"aiosmtpd exited with {process.ExitCode} (is python3-aiosmtpd installed? build/test.sh installs it):{Environment.NewLine}{Transcript()}");
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>Every message received so far, in arrival order.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync()
    {
        var result = new List<ReceivedMail>();
        foreach (var meta in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var envelope = JsonDocument.Parse(await File.ReadAllTextAsync(meta));
            var eml = Path.ChangeExtension(meta, ".eml");
            await using var stream = File.OpenRead(eml);
            var message = await MimeMessage.LoadAsync(stream);
            result.Add(new ReceivedMail(
                envelope.RootElement.GetProperty("mail_from").GetString() ?? string.Empty,
                [.. envelope.RootElement.GetProperty("rcpt_tos").EnumerateArray().Select(r => r.GetString() ?? string.Empty)],
                message));
        }

        return result;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived and returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        await Eventually.UntilAsync(
            () => Directory.GetFiles(Folder, "*.json").Length >= count,
            timeout ?? TimeSpan.FromSeconds(30),
            $"{count} message(s) at the SMTP server",
            () => Transcript());
        return await MessagesAsync();
    }

    /// <summary>Forgets every message received so far.</summary>
    public void Clear()
    {
        foreach (var file in Directory.GetFiles(Folder))
        {
            File.Delete(file);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Host, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Debian's interpreter: python3-aiosmtpd is installed for it, not for a python3 another tool puts first on PATH.
    private static string Python() => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}
