using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OobcCalendar.Shared.UI;

namespace OobcCalendar.Modules.Attendance.UI.Components;

/// <summary>
/// A camera scanner (html5-qrcode through wwwroot/camera-scanner.js). It asks for the camera only when the desk presses
/// "Scan with camera", lets it choose among several, and hands every decoded code to <see cref="OnCode"/>: the desk
/// checks it in exactly as a code typed or sent by a USB scanner. No camera, a refused permission or a page not served
/// over https each get a sentence saying what to do.
/// </summary>
public sealed partial class CameraScanner
{
    private const string ModulePath = "./_content/OobcCalendar.Modules.Attendance/camera-scanner.js";
    private readonly string elementId = $"camera-{Guid.NewGuid():N}";
    private IJSObjectReference? module;
    private DotNetObjectReference<CameraScanner>? self;
    private IReadOnlyList<CameraChoice> cameras = [];
    private string? cameraId;
    private string? problem;
    private bool scanning;
    private bool starting;
    private bool disposed;

    /// <summary>Called with each code the camera decodes (a ticket's token), on the component's dispatcher.</summary>
    [Parameter] public EventCallback<string> OnCode { get; set; }

    [Inject] private IJSRuntime JS { get; set; } = default!;

    private string State => scanning ? "scanning" : problem is not null ? "problem" : "off";

    /// <summary>What the browser side reports a decoded QR code as (called by camera-scanner.js).</summary>
    [JSInvokable]
    public Task OnCameraDecoded(string code) => string.IsNullOrWhiteSpace(code) ? Task.CompletedTask : OnCode.InvokeAsync(code.Trim());

    /// <summary>The sentence the desk reads for a problem kind reported by camera-scanner.js.</summary>
    public static string Explain(string kind) => kind switch
    {
        "insecure" => "The camera only works when this page is opened over https (or on this computer as localhost). Type or use a USB scanner instead, or open the desk through its https address.",
        "denied" => "The browser was not allowed to use the camera. Allow the camera for this site (the camera icon in the address bar), then press “Scan with camera” again.",
        "none" => "No camera was found on this device. Connect one, or type the code or use a USB scanner.",
        "busy" => "The camera is in use by another app or tab. Close it there, then try again.",
        "unsupported" => "This browser cannot use a camera from a web page. Use a current Chrome, Edge, Firefox or Safari, or a USB scanner.",
        _ => "The camera could not be started. Try again, or type the code or use a USB scanner.",
    };

    private async Task StartAsync()
    {
        starting = true;
        problem = null;
        try
        {
            if (!await EnsureModuleAsync())
            {
                return;
            }

            var (listed, found) = await SafeJs.TryAsync(() => module!.InvokeAsync<CameraList>("listCameras"));
            if (!listed || found is null)
            {
                return;
            }

            if (found.Problem is { } kind)
            {
                problem = Explain(kind);
                return;
            }

            cameras = found.Cameras;
            // A phone's back camera is usually listed last and named "back" or "environment".
            cameraId ??= (cameras.LastOrDefault(c => c.Label.Contains("back", StringComparison.OrdinalIgnoreCase)) ?? cameras[0]).Id;
            await StartCameraAsync();
        }
        finally
        {
            starting = false;
        }
    }

    private async Task SwitchAsync(string chosen)
    {
        cameraId = chosen;
        await StartCameraAsync();
    }

    private async Task StartCameraAsync()
    {
        self ??= DotNetObjectReference.Create(this);
        var (started, kind) = await SafeJs.TryAsync(() => module!.InvokeAsync<string?>("start", elementId, cameraId, self));
        if (!started || disposed)
        {
            return;
        }

        scanning = kind is null;
        problem = kind is null ? null : Explain(kind);
    }

    private async Task StopAsync()
    {
        scanning = false;
        if (module is not null)
        {
            await SafeJs.TryAsync(() => module.InvokeVoidAsync("stop"));
        }
    }

    private async Task<bool> EnsureModuleAsync()
    {
        if (module is null)
        {
            var (imported, loaded) = await SafeJs.TryAsync(() => JS.InvokeAsync<IJSObjectReference>("import", ModulePath));
            module = imported ? loaded : null;
        }

        return module is not null;
    }

    /// <summary>Stops the camera (the light goes off) when the desk is left.</summary>
    public async ValueTask DisposeAsync()
    {
        disposed = true;
        if (module is not null)
        {
            await SafeJs.TryAsync(() => module.InvokeVoidAsync("stop"));
            await SafeJs.TryAsync(() => module.DisposeAsync());
        }

        self?.Dispose();
    }

    /// <summary>What listCameras answers.</summary>
    internal sealed record CameraList(string? Problem, IReadOnlyList<CameraChoice> Cameras);

    /// <summary>One camera the browser offers.</summary>
    internal sealed record CameraChoice(string Id, string Label);
}
