namespace OobcCalendar.Modules.Notifications.Messages.Rendering;

/// <summary>A message rendered for one person: e-mail parts and the bell's line.</summary>
internal sealed record RenderedMessage(string Type, string Subject, string Html, string Text, string Summary, string Link);
