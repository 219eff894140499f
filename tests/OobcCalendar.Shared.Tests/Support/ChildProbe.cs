using System.Diagnostics;

namespace OobcCalendar.Shared.Tests.Support;

/// <summary>
/// The probe host as a real child process (<c>dotnet OobcCalendar.TestHost.dll</c>): its stdout protocol lines
/// are kept with the moment they arrived, stdin takes commands, and Dispose kills it whatever happened.
/// </summary>
public sealed class ChildProbe : IDisposable
{
    private readonly Process process;
    private readonly List<OutputLine> lines = [];
    private readonly List<string> errors = [];
    private readonly Lock gate = new();

    private ChildProbe(Process process, string instance)
    {
        this.process = process;
        Instance = instance;
    }

    public string Instance { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>The TestHost, copied next to the tests by the project reference.</summary>
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "OobcCalendar.TestHost.dll");

    /// <summary>Starts the probe on <paramref name="connectionString"/> with extra <c>--Key=Value</c> settings.</summary>
    public static ChildProbe Start(string connectionString, string instance, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(DllPath);
        start.ArgumentList.Add($"--ConnectionStrings:Default={connectionString}");
        start.ArgumentList.Add($"--Probe:Instance={instance}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        start.ArgumentList.Add("--Outbox:PollInterval=00:00:00.200");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProbe(process, instance);
        process.OutputDataReceived += (_, e) => child.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnError(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start " + DllPath);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Starts the probe and waits for its READY line.</summary>
    public static async Task<ChildProbe> StartReadyAsync(string connectionString, string instance, IReadOnlyDictionary<string, string>? settings = null)
    {
        var child = Start(connectionString, instance, settings);
        try
        {
            await child.WaitForLineAsync(l => l.StartsWith("READY ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "READY");
            return child;
        }
        catch
        {
            child.Dispose();
            throw;
        }
    }

    /// <summary>Protocol lines received so far.</summary>
    public IReadOnlyList<OutputLine> Lines
    {
        get
        {
            lock (gate)
            {
                return lines.ToArray();
            }
        }
    }

    /// <summary>Waits for a stdout line matching <paramref name="predicate"/>; fails early if the process dies.</summary>
    public async Task<OutputLine> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout, string description)
    {
        OutputLine? found = null;
        await Eventually.UntilAsync(
            () =>
            {
                found = Lines.FirstOrDefault(l => predicate(l.Text));
                if (found is null && process.HasExited)
                {
                    // Give the output readers a moment to drain, then decide.
                    process.WaitForExit();
                    found = Lines.FirstOrDefault(l => predicate(l.Text));
                    if (found is null)
                    {
                        throw new InvalidOperationException($"{Instance} exited ({process.ExitCode}) before '{description}'.{Environment.NewLine}{Transcript()}");
                    }
                }

                return found is not null;
            },
            timeout,
            $"{Instance}: {description}",
            Transcript);
        return found!;
    }

    /// <summary>Sends one command line to the probe's stdin.</summary>
    public async Task SendAsync(string command)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
    }

    /// <summary>SIGKILL (Process.Kill on Linux), then waits until it is gone.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    /// <summary>Waits for the process to end on its own.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
    }

    /// <summary>The last lines of stdout and stderr, for failure messages.</summary>
    public string Transcript()
    {
        lock (gate)
        {
            return $"--- {Instance} stdout ---{Environment.NewLine}{string.Join(Environment.NewLine, lines.TakeLast(40).Select(l => l.Text))}"
                + $"{Environment.NewLine}--- {Instance} stderr ---{Environment.NewLine}{string.Join(Environment.NewLine, errors.TakeLast(40))}";
        }
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        process.Dispose();
    }

    private void OnOutput(string? text)
    {
        if (text is null)
        {
            return;
        }

        var line = new OutputLine(text, Stopwatch.GetTimestamp());
        lock (gate)
        {
            lines.Add(line);
        }
    }

    private void OnError(string? text)
    {
        if (text is null)
        {
            return;
        }

        lock (gate)
        {
            errors.Add(text);
        }
    }
}

/// <summary>A stdout line and when the test process read it (<see cref="Stopwatch.GetTimestamp"/>).</summary>
public sealed record OutputLine(string Text, long ReceivedAt);
