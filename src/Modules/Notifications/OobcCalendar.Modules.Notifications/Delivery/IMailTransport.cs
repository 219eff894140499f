using MimeKit;

namespace OobcCalendar.Modules.Notifications.Delivery;

/// <summary>Where e-mail goes: an SMTP relay (<see cref="SmtpMailTransport"/>) or a pickup folder (<see cref="PickupFolderMailTransport"/>).</summary>
internal interface IMailTransport
{
    /// <summary>Opens one session (one SMTP connection), used for one or more batches; throws when the server cannot be reached.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>A connection messages are sent over one by one; a failure of one message is thrown for that message.</summary>
internal interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
