using System.Linq.Expressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Features.Mail;

/// <summary>
/// Admin's view of outgoing e-mail, newest first, a page at a time; optionally one status only and only rows whose
/// subject, recipient name or address contains <see cref="Search"/>.
/// </summary>
internal sealed record ListOutgoingMessages(MessageStatus? Status = null, int Skip = 0, int Take = 25, string? Search = null) : IQuery<OutgoingMessagesPage>;

/// <summary>One line of the Mail page (no bodies: those come with <see cref="GetOutgoingMessage"/>).</summary>
internal sealed record OutgoingMessageLine(
    Guid Id, string Type, string RecipientName, string? RecipientEmail, string Subject, MessageStatus Status, string? StatusReason,
    int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt)
{
    /// <summary>The projection, written once for the list (translated to SQL) and the detail (run in memory).</summary>
    public static readonly Expression<Func<OutgoingMessage, OutgoingMessageLine>> FromRow = m => new OutgoingMessageLine(
        m.Id, m.Type, m.RecipientName, m.RecipientEmail, m.Subject, m.Status, m.StatusReason, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.SentAt);

    public static readonly Func<OutgoingMessage, OutgoingMessageLine> Of = FromRow.Compile();
}

/// <summary>A page of lines, how many match the filter, and how many rows have each status (for the filter chips).</summary>
internal sealed record OutgoingMessagesPage(int Total, IReadOnlyDictionary<MessageStatus, int> Counts, IReadOnlyList<OutgoingMessageLine> Items);

internal sealed class ListOutgoingMessagesHandler(IDbContextFactory<NotificationsDbContext> contexts, ICurrentUser currentUser) : IQueryHandler<ListOutgoingMessages, OutgoingMessagesPage>
{
    public async ValueTask<OutgoingMessagesPage> Handle(ListOutgoingMessages query, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "see outgoing e-mail");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var searched = db.OutgoingMessages.AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // ILIKE with the wildcards escaped: a "%" typed by Admin matches a "%", not everything.
            var pattern = "%" + query.Search.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            searched = searched.Where(m => EF.Functions.ILike(m.Subject, pattern) || EF.Functions.ILike(m.RecipientName, pattern) || EF.Functions.ILike(m.RecipientEmail ?? string.Empty, pattern));
        }

        // The counts follow the search, so the status chips say what a click on them will show.
        var counts = await searched.GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var rows = query.Status is { } status ? searched.Where(m => m.Status == status) : searched;
        var total = query.Status is { } only ? counts.GetValueOrDefault(only) : counts.Values.Sum();
        var items = await rows
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, 100))
            .Select(OutgoingMessageLine.FromRow)
            .ToListAsync(cancellationToken);
        return new OutgoingMessagesPage(total, counts, items);
    }
}
