using Mediator;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>Quick add: finds the colleagues meant by names typed after "with" ("Maria", "Jose Reyes").</summary>
internal sealed record ResolveParticipantNames(IReadOnlyList<string> Names) : IQuery<IReadOnlyList<NameMatch>>;

/// <summary>The colleagues a typed name may mean: none (unknown), one (resolved) or several (the user picks).</summary>
internal sealed record NameMatch(string Name, IReadOnlyList<DirectoryUser> Matches);

internal sealed class ResolveParticipantNamesHandler(IUserDirectory directory) : IQueryHandler<ResolveParticipantNames, IReadOnlyList<NameMatch>>
{
    public async ValueTask<IReadOnlyList<NameMatch>> Handle(ResolveParticipantNames query, CancellationToken cancellationToken)
    {
        var result = new List<NameMatch>();
        foreach (var name in query.Names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(20))
        {
            var found = await directory.SearchAsync(name, 10, cancellationToken);
            // A whole-word match beats a substring ("Ana" should not pick "Mariana" when an Ana exists).
            var exact = found.Where(u => u.DisplayName.Split(' ').Any(w => w.Equals(name, StringComparison.OrdinalIgnoreCase))
                                         || u.DisplayName.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
            result.Add(new NameMatch(name, exact.Count > 0 ? exact : found));
        }

        return result;
    }
}
