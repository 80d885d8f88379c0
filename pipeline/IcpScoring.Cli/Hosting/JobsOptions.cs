namespace IcpScoring.Cli.Hosting;

/// <summary>The <c>Jobs</c> section: the schedule and the workers of <c>icp serve</c>, and who may see the dashboard.</summary>
internal sealed record JobsOptions
{
    /// <summary>When the inbox is scanned for new exports and labeled prospects (cron, five fields).</summary>
    public string InboxScanCron { get; init; } = "* * * * *";

    /// <summary>When every drift report and the portfolio are made again (cron, five fields).</summary>
    public string DriftRefreshCron { get; init; } = "0 6 * * *";

    /// <summary>The time zone the cron expressions are read in (an IANA or Windows id).</summary>
    public string TimeZone { get; init; } = "UTC";

    public int WorkerCount { get; init; } = 2;

    /// <summary>
    /// The queues this server takes jobs from, in priority order; empty for "default", where the
    /// scan enqueues its jobs (so it must be among them when given).
    /// </summary>
    public string[] Queues { get; init; } = [];

    /// <summary>
    /// The queues to listen to: the configured ones, or "default"; then "reports", where the refresh
    /// after file jobs waits (one at a time: a file job does not queue a refresh while one waits).
    /// </summary>
    public string[] ServerQueues =>
        [.. (Queues.Length == 0 ? ["default"] : Queues.Select(q => q.ToLowerInvariant())).Append(Jobs.RefreshJob.QueueName).Distinct(StringComparer.Ordinal)];

    /// <summary>The web endpoint of the dashboard (and, later, the upload page).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>A file job holds its claim this long without a heartbeat before another worker may take the file.</summary>
    public int StaleClaimMinutes { get; init; } = 10;

    /// <summary>
    /// Where Hangfire keeps its queue: <c>Auto</c> (PostgreSQL when the pipeline's database is
    /// PostgreSQL, so every <c>icp serve</c> on it shares one queue; in memory otherwise),
    /// <c>InMemory</c> (each server its own queue) or <c>PostgreSql</c> (requires a PostgreSQL database).
    /// </summary>
    public QueueStorage Storage { get; init; } = QueueStorage.Auto;

    /// <summary>
    /// With a shared queue: a job taken by a server that then died (killed, machine gone) goes back to
    /// the queue after this long. The timeout slides: a live server keeps renewing it, so a long job
    /// is never handed to a second server.
    /// </summary>
    public int InvisibilityTimeoutSeconds { get; init; } = 300;

    /// <summary>
    /// With a shared queue: how long a lock of Hangfire's (a job's state change, the schedulers, the
    /// inbox scan's turn) outlives a holder that lost its connection, as every holder does when the
    /// database restarts. Hangfire.PostgreSql keeps its locks as rows and does not renew them, so a
    /// holder still busy after this long shares its turn; nothing taken under these locks depends on
    /// being alone (the ledger decides who processes a file).
    /// </summary>
    public int LockTimeoutSeconds { get; init; } = 60;

    /// <summary>With a shared queue: how often an idle server looks for new jobs.</summary>
    public int QueuePollSeconds { get; init; } = 2;

    public DashboardOptions Dashboard { get; init; } = new();

    public IEnumerable<string> Validate()
    {
        foreach (var (key, cron) in new[] { ("InboxScanCron", InboxScanCron), ("DriftRefreshCron", DriftRefreshCron) })
        {
            string? problem = null;
            try
            {
                Cronos.CronExpression.Parse(cron);
            }
            catch (Cronos.CronFormatException e)
            {
                problem = e.Message;
            }

            if (problem is not null)
            {
                yield return $"Jobs:{key} is not a cron expression ('{cron}': {problem})";
            }
        }

        if (!TryTimeZone(TimeZone, out _))
        {
            yield return $"Jobs:TimeZone '{TimeZone}' is not a known time zone";
        }

        if (WorkerCount is < 1 or > 64)
        {
            yield return "Jobs:WorkerCount must be between 1 and 64";
        }

        if (Queues.Length > 0 && !Queues.Contains("default", StringComparer.OrdinalIgnoreCase))
        {
            yield return "Jobs:Queues must include \"default\", where the inbox scan enqueues its jobs";
        }

        if (Queues.Any(q => q.Length == 0 || !q.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            yield return "Jobs:Queues: a queue name is letters, digits, '_' and '-'";
        }

        if (StaleClaimMinutes < 1)
        {
            yield return "Jobs:StaleClaimMinutes must be at least 1";
        }

        if (InvisibilityTimeoutSeconds is < 15 or > 86_400)
        {
            yield return "Jobs:InvisibilityTimeoutSeconds must be between 15 and 86400";
        }

        if (LockTimeoutSeconds is < 15 or > 3_600)
        {
            yield return "Jobs:LockTimeoutSeconds must be between 15 and 3600";
        }

        if (QueuePollSeconds is < 1 or > 3_600)
        {
            yield return "Jobs:QueuePollSeconds must be between 1 and 3600";
        }

        if (string.IsNullOrEmpty(Dashboard.Username) != string.IsNullOrEmpty(Dashboard.Password))
        {
            yield return "Jobs:Dashboard:Username and Jobs:Dashboard:Password must be set together";
        }
    }

    public static bool TryTimeZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    /// <summary>
    /// The dashboard answers local requests only, unless a user name and password are set: then any
    /// request with them (HTTP basic authentication). Read-only unless <see cref="Writable"/>.
    /// </summary>
    internal sealed record DashboardOptions
    {
        public string? Username { get; init; }

        public string? Password { get; init; }

        public bool Writable { get; init; }
    }
}
