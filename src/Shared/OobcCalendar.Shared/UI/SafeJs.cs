using Microsoft.JSInterop;

namespace OobcCalendar.Shared.UI;

/// <summary>
/// JS interop that may outlive its component or its circuit: the user leaves the page while a call is on its way
/// (the component is disposed: <see cref="ObjectDisposedException"/>), closes the tab (<see cref="JSDisconnectedException"/>),
/// or the circuit shuts down (<see cref="TaskCanceledException"/>). None of that is an error worth the error panel:
/// the browser side is simply gone, so the call answers "not done" and the caller stops.
/// </summary>
public static class SafeJs
{
    /// <summary>Runs <paramref name="call"/>; false when the browser side or the component was gone.</summary>
    public static async Task<bool> TryAsync(Func<ValueTask> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call();
            return true;
        }
        catch (Exception e) when (IsGone(e))
        {
            return false;
        }
    }

    /// <summary>Runs <paramref name="call"/>; (false, default) when the browser side or the component was gone.</summary>
    public static async Task<(bool Done, T? Value)> TryAsync<T>(Func<ValueTask<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return (true, await call());
        }
        catch (Exception e) when (IsGone(e))
        {
            return (false, default);
        }
    }

    /// <summary>Whether <paramref name="exception"/> only says the page, component or circuit went away.</summary>
    public static bool IsGone(Exception exception) =>
        exception is JSDisconnectedException or ObjectDisposedException or OperationCanceledException;
}
