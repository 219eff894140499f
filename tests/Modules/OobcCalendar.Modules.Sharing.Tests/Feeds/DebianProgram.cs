using System.Diagnostics;
using Shouldly;

namespace OobcCalendar.Modules.Sharing.Tests.Feeds;

/// <summary>Runs a program from Debian (the readers and subscribers nobody here wrote) to its end within a minute.</summary>
internal static class DebianProgram
{
    /// <summary>Its standard output, or a failure naming the program, its error output and the apt package to install.</summary>
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string package, IReadOnlyDictionary<string, string>? environment = null)
    {
        File.Exists(program).ShouldBeTrue($"{program} is missing: build/test.sh installs it with apt ({package}).");
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var shown = $"{Path.GetFileName(program)} {string.Join(' ', start.ArgumentList)}";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{shown} did not finish within 60 s.");
        }

        process.ExitCode.ShouldBe(0, $"{shown} ({package}, apt) failed: {await stderr}");
        return await stdout;
    }
}
