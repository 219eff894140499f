using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Tests.Navigation;

/// <summary>A badge source whose count the test sets, and which records how often it was asked.</summary>
internal sealed class CountingBadgeSource(string key, params string[] topics) : INavBadgeSource
{
    public string Key => key;

    public IReadOnlyList<string> Topics => topics;

    public int Count { get; set; }

    public int Asked { get; private set; }

    public Task<int> CountAsync(ICurrentUser user, CancellationToken cancellationToken)
    {
        Asked++;
        return Task.FromResult(Count);
    }
}
