using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Features.Approvals;

/// <summary>
/// The drawer's one approvals counter (ADR 0022): the sum of the badges the enabled modules' approval sections name,
/// refreshed on any of their topics. The sources are looked up when first needed, not injected, because this is one of
/// them (<see cref="INavBadgeSource"/>) and would otherwise depend on itself.
/// </summary>
internal sealed class ApprovalsBadge(IServiceProvider services, ModuleCatalog modules) : INavBadgeSource
{
    public const string BadgeKey = "approvals.pending";

    private readonly Lazy<IReadOnlyList<INavBadgeSource>> sections = new(() =>
    {
        var keys = modules.Modules.SelectMany(m => m.ApprovalSections).Select(s => s.BadgeKey).ToHashSet(StringComparer.Ordinal);
        return [.. services.GetServices<INavBadgeSource>().Where(s => keys.Contains(s.Key))];
    });

    public string Key => BadgeKey;

    public IReadOnlyList<string> Topics => [.. sections.Value.SelectMany(s => s.Topics).Distinct(StringComparer.Ordinal)];

    public async Task<int> CountAsync(ICurrentUser user, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var source in sections.Value)
        {
            total += await source.CountAsync(user, cancellationToken);
        }

        return total;
    }
}
