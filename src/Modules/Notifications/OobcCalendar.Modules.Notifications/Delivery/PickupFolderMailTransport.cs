using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OobcCalendar.Modules.Notifications.Delivery;

/// <summary>
/// Development's mail server: each message becomes an .eml file in <c>Notifications:PickupFolder</c> (default
/// <c>.data/mail</c> under the content root), which any mail client opens and the Admin Mail page lists.
/// </summary>
internal sealed class PickupFolderMailTransport(IOptions<NotificationsOptions> options, IHostEnvironment environment) : IMailTransport
{
    public string Folder => Path.GetFullPath(options.Value.PickupFolder, environment.ContentRootPath);

    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult<IMailSession>(new Session(Folder));
    }

    private sealed class Session(string folder) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            // Written under a temporary name and renamed, so a reader never sees half a message.
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
            var temporary = Path.Combine(folder, name + ".tmp");
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, Path.Combine(folder, name));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
