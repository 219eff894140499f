namespace OobcCalendar.Modules.Notifications.Messages.Rendering;

/// <summary>Every message type the module sends, by key (the preference page and the Admin preview list them).</summary>
internal sealed class MessageTypes
{
    private readonly Dictionary<string, MessageType> byKey;

    public MessageTypes(IEnumerable<MessageType> types)
    {
        All = [.. types];
        byKey = All.ToDictionary(t => t.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<MessageType> All { get; }

    /// <summary>The type with <paramref name="key"/>; throws for an unknown key (a programming error).</summary>
    public MessageType this[string key] => byKey.TryGetValue(key, out var type)
        ? type
        : throw new KeyNotFoundException($"No message type '{key}'. Register it in NotificationsModule.");

    /// <summary>The type registered for <paramref name="modelType"/>.</summary>
    public MessageType ForModel(Type modelType) => All.SingleOrDefault(t => t.ModelType == modelType)
        ?? throw new KeyNotFoundException($"No message type takes a {modelType.Name}. Register it in NotificationsModule.");
}
