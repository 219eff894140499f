namespace OobcCalendar.Modules.Notifications;

/// <summary>Settings of the configuration section <c>Notifications</c>.</summary>
internal sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>The app's public address, for links in e-mail.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Attempts before an e-mail is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles per attempt, with up to 20% jitter, capped at <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the sender looks for due rows when no NOTIFY woke it (retries and quiet-hour releases).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Rows one worker claims (leases) at a time. A worker keeps its SMTP connection from one batch to the next while a
    /// burst lasts; a claim costs a statement, a commit and reading its rows, so small batches slow a burst (the 10,000
    /// reminder burst on the 2-core bench machine: 20 took 9.7 s; p99 100: 5.0–5.7 s, 250: 4.2–5.8 s, 500: 4.3–4.8 s).
    /// Neither crash bound depends on it: a killed host's leased rows are taken over within seconds (ADR 0040) and only
    /// the message each worker had in flight can go twice.
    /// </summary>
    public int BatchSize { get; set; } = 250;

    /// <summary>
    /// Workers run side by side (each its own claims, database connection and SMTP connection; SKIP LOCKED and the lease
    /// keep them apart), so a burst such as thousands of reminders due in one minute is not sent one connection at a time
    /// (ADR 0035). On the 2-core bench machine 4 was best: 3 and 6 were both slower.
    /// </summary>
    public int SenderConcurrency { get; set; } = 4;

    /// <summary>
    /// How long a round holds the rows it claimed. A host killed mid-send leaves them this long before another sends them;
    /// a round hands back what it has not tried after half of it, so a slow server never lets a lease run out mid-round.
    /// Keep it well above <see cref="SmtpOptions.Timeout"/>.
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long e-mail rows that were sent or skipped are kept (Admin → Mail, dedupe of late replays); dead letters stay.</summary>
    public TimeSpan KeepMailFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long bell lines are kept once read (unread ones stay).</summary>
    public TimeSpan KeepReadInAppFor { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Whether this host runs the sender (switch off on hosts that must not send).</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>Where .eml files go when no SMTP host is set (development default), relative to the content root.</summary>
    public string PickupFolder { get; set; } = Path.Combine(".data", "mail");

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Delay before attempt <paramref name="attempt"/> + 1.</summary>
    public TimeSpan RetryDelay(int attempt, double jitter)
    {
        var exponential = BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        return TimeSpan.FromMilliseconds(Math.Min(exponential, MaxRetryDelay.TotalMilliseconds) * (1 + (0.2 * jitter)));
    }
}

/// <summary>Settings of <c>Notifications:Smtp</c>; with a <see cref="Host"/>, mail goes to it instead of the pickup folder.</summary>
internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address, e.g. <c>OOBC Calendar &lt;calendar@oobc.gov.ph&gt;</c>.</summary>
    public string From { get; set; } = "OOBC Calendar <calendar@oobc.gov.ph>";

    /// <summary>True: TLS on connect (port 465) or STARTTLS; false: STARTTLS when offered, plain otherwise.</summary>
    public bool UseTls { get; set; }

    /// <summary>Connect and command timeout: an unreachable server fails a round quickly instead of holding it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
