namespace OobcCalendar.Shared.Modules;

/// <summary>
/// The frame Home draws around one <see cref="HomeSection"/>, cascaded to the section's component. A card that only
/// matters when it has something to say ("You are away") hides its whole frame, title included, with
/// <see cref="SetHidden"/>; other cards ignore it and show their own empty state.
/// </summary>
public sealed class HomeCard
{
    /// <summary>Whether the frame is left out of the page.</summary>
    public bool Hidden { get; private set; }

    /// <summary>Raised when <see cref="Hidden"/> changes, for the frame to render again.</summary>
    public event Action? Changed;

    /// <summary>Hides or shows the whole card.</summary>
    public void SetHidden(bool hidden)
    {
        if (Hidden == hidden)
        {
            return;
        }

        Hidden = hidden;
        Changed?.Invoke();
    }
}
