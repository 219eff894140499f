using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Delivery;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Features.Mail;
using OobcCalendar.Modules.Notifications.Messages.Rendering;
using OobcCalendar.Modules.Notifications.UI.Components;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.UI.Pages;

/// <summary>The Admin Mail page; re-reads when rows become due (new or resent) and on Refresh.</summary>
public sealed partial class MailAdminPage
{
    private const int PageSize = 25;

    private OutgoingMessagesPage? page;
    private MessageStatus? status;
    private int pageNumber = 1;
    private string? error;
    private string? search;

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private MessageTypes Types { get; set; } = default!;

    [Inject] private IMailTransport Transport { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<MailAdminPage> Logger { get; set; } = default!;

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics => [NotificationsTopics.Outgoing];

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.TimeZoneId);

    private string? PickupFolder => Transport is PickupFolderMailTransport pickup ? pickup.Folder : null;

    private int Pages => page is null ? 0 : (page.Total + PageSize - 1) / PageSize;

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => RefreshAsync();

    /// <inheritdoc />
    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    // "Mon 7 Dec, 5:03 PM": the year is rarely news on this page, and the table needs the room.
    private string Short(DateTimeOffset instant) => $"{Shared.Time.TimeText.Day(instant, Zone)}, {Shared.Time.TimeText.Time(instant, Zone)}";

    private string TypeName(string key) => Types.All.FirstOrDefault(t => t.Key == key)?.Name ?? key;

    private static Color StatusColour(MessageStatus s) => s switch
    {
        MessageStatus.Sent => Color.Success,
        MessageStatus.Failed => Color.Warning,
        MessageStatus.DeadLetter => Color.Error,
        MessageStatus.Skipped => Color.Default,
        _ => Color.Info,
    };

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        var result = await Submit.QuietlyAsync(async () =>
            page = await Mediator.Send(new ListOutgoingMessages(status, (pageNumber - 1) * PageSize, PageSize, search)), Logger);
        error = result.Succeeded ? null : result.Message;
    }

    private async Task FilterAsync(MessageStatus? value)
    {
        (status, pageNumber) = (value, 1);
        await RefreshAsync();
    }

    private async Task SearchAsync(string? value)
    {
        (search, pageNumber) = (value, 1);
        await RefreshAsync();
    }

    private async Task GoToAsync(int number)
    {
        pageNumber = number;
        await RefreshAsync();
    }

    private async Task PreviewAsync(OutgoingMessageLine line)
    {
        OutgoingMessageDetail? detail = null;
        var result = await Submit.RunAsync(async () => detail = await Mediator.Send(new GetOutgoingMessage(line.Id)), Snackbar, logger: Logger);
        if (result.Succeeded && detail is not null)
        {
            var facts = $"To {line.RecipientName} <{line.RecipientEmail ?? "no address"}> · {TypeName(line.Type)} · {NotificationText.Status(line.Status)}";
            await ShowAsync(detail.Line.Subject, facts, detail.Html, detail.Text, detail.Attachments);
        }
    }

    private async Task PreviewTypeAsync(string key)
    {
        RenderedMessage? sample = null;
        var result = await Submit.RunAsync(async () => sample = await Mediator.Send(new PreviewMessageType(key)), Snackbar, logger: Logger);
        if (result.Succeeded && sample is not null)
        {
            await ShowAsync(sample.Subject, $"Sample of {TypeName(key)} · bell line: {sample.Summary}", sample.Html, sample.Text, []);
        }
    }

    private Task ShowAsync(string subject, string facts, string html, string text, IReadOnlyList<AttachmentLine> attachments)
    {
        var parameters = new DialogParameters<MessagePreviewDialog>
        {
            { d => d.Subject, subject },
            { d => d.Facts, facts },
            { d => d.Html, html },
            { d => d.Text, text },
            { d => d.Attachments, [.. attachments.Select(a => $"{a.FileName} · {a.ContentType} · {SizeText(a.Size)}")] },
        };
        return Dialogs.ShowAsync<MessagePreviewDialog>(subject, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
    }

    private static string SizeText(int bytes) => bytes < 1024 ? $"{bytes} B" : $"{bytes / 1024.0:0.#} KB";

    private async Task ResendAsync(OutgoingMessageLine line)
    {
        var result = await Submit.RunAsync(async () => await Mediator.Send(new ResendMessage(line.Id)), Snackbar, logger: Logger,
            success: $"\"{line.Subject}\" will be sent again now.");
        if (result.Succeeded || result.Outcome == SubmitOutcome.Refused)
        {
            await RefreshAsync();
        }
    }
}
