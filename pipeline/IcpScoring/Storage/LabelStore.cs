using System.Data.Common;
using System.Globalization;

namespace IcpScoring.Storage;

/// <summary>
/// People's labels per profile, and each profile's label queue, in the pipeline's database (so they
/// survive restarts and are shared by every process using it). A person labeled again keeps the
/// latest label only. What the <c>/label</c> page needs: <see cref="Next"/>, <c>Record</c>,
/// <see cref="Skip"/> and <see cref="Progress"/>.
/// </summary>
internal sealed class LabelStore(PipelineStore store, StoreDialect dialect, TimeProvider clock)
{
    private const string LabelColumns = "profile, connection_key, title, company, industry, company_size, is_icp, source, labeled_by, labeled_at";

    /// <summary>
    /// Records labels, each replacing the person's earlier label for the profile, all at the same
    /// moment (now) and in one transaction. Labels given twice in one call keep the last.
    /// </summary>
    public void Record(string profile, IEnumerable<PersonLabel> labels, LabelSource source, string by)
    {
        ArgumentException.ThrowIfNullOrEmpty(profile);
        ArgumentException.ThrowIfNullOrEmpty(by);
        var at = StoreValues.Instant(clock.GetUtcNow());
        var rows = labels.ToList();
        store.Locked(c =>
        {
            using var transaction = dialect.BeginWrite(c, IdLock.None);
            using var command = c.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                $"""
                INSERT INTO labels ({LabelColumns})
                VALUES (@profile, @key, @title, @company, @industry, @size, @isIcp, @source, @by, @at)
                ON CONFLICT (profile, connection_key) DO UPDATE SET
                    title = excluded.title, company = excluded.company, industry = excluded.industry,
                    company_size = excluded.company_size, is_icp = excluded.is_icp, source = excluded.source,
                    labeled_by = excluded.labeled_by, labeled_at = excluded.labeled_at
                """;
            foreach (var label in rows)
            {
                ArgumentException.ThrowIfNullOrEmpty(label.Key);
                command.Parameters.Clear();
                PipelineStore.Bind(command, "@profile", profile);
                PipelineStore.Bind(command, "@key", label.Key);
                PipelineStore.Bind(command, "@title", label.Title);
                PipelineStore.Bind(command, "@company", label.Company);
                PipelineStore.Bind(command, "@industry", label.Industry);
                PipelineStore.Bind(command, "@size", label.CompanySize);
                PipelineStore.Bind(command, "@isIcp", label.IsIcp ? 1 : 0);
                PipelineStore.Bind(command, "@source", Spell(source));
                PipelineStore.Bind(command, "@by", by);
                PipelineStore.Bind(command, "@at", at);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            return true;
        });
    }

    /// <summary>One person's label, from the page (or any source one at a time).</summary>
    public void Record(string profile, PersonLabel label, LabelSource source, string by) => Record(profile, [label], source, by);

    /// <summary>The profile's labels, one per person (the latest), oldest first.</summary>
    public IReadOnlyList<StoredLabel> List(string profile)
    {
        ArgumentException.ThrowIfNullOrEmpty(profile);
        return store.Locked(c =>
        {
            using var command = Command(c, $"SELECT {LabelColumns} FROM labels WHERE profile = @profile ORDER BY labeled_at, connection_key");
            PipelineStore.Bind(command, "@profile", profile);
            return ReadAll(command, ReadLabel);
        });
    }

    /// <summary>
    /// Replaces the profile's label queue (<c>icp label-queue</c>): the page then offers these
    /// people, in this order, skipping those labeled meanwhile.
    /// </summary>
    public void ReplaceQueue(string profile, IReadOnlyList<QueuedPerson> queue)
    {
        ArgumentException.ThrowIfNullOrEmpty(profile);
        store.Locked(c =>
        {
            using var transaction = dialect.BeginWrite(c, IdLock.None);
            using (var clear = Command(c, "DELETE FROM label_queue WHERE profile = @profile", transaction))
            {
                PipelineStore.Bind(clear, "@profile", profile);
                clear.ExecuteNonQuery();
            }

            using var insert = Command(
                c,
                """
                INSERT INTO label_queue (profile, position, connection_key, title, company, industry, company_size, score, skipped)
                VALUES (@profile, @position, @key, @title, @company, @industry, @size, @score, 0)
                """,
                transaction);
            foreach (var q in queue)
            {
                insert.Parameters.Clear();
                PipelineStore.Bind(insert, "@profile", profile);
                PipelineStore.Bind(insert, "@position", (long)q.Position);
                PipelineStore.Bind(insert, "@key", q.Key);
                PipelineStore.Bind(insert, "@title", q.Title);
                PipelineStore.Bind(insert, "@company", q.Company);
                PipelineStore.Bind(insert, "@industry", q.Industry);
                PipelineStore.Bind(insert, "@size", q.CompanySize);
                PipelineStore.Bind(insert, "@score", q.Score);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return true;
        });
    }

    /// <summary>The first person of the profile's queue neither labeled nor skipped; null when the queue is done.</summary>
    public QueuedPerson? Next(string profile) => Queue(profile, waitingOnly: true).FirstOrDefault();

    /// <summary>The profile's queue in order, every person or only those waiting.</summary>
    public IReadOnlyList<QueuedPerson> Queue(string profile, bool waitingOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(profile);
        return store.Locked(c =>
        {
            using var command = Command(
                c,
                $"""
                SELECT q.position, q.connection_key, q.title, q.company, q.industry, q.company_size, q.score
                FROM label_queue q
                WHERE q.profile = @profile
                {(waitingOnly ? "AND q.skipped = 0 AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.profile = q.profile AND l.connection_key = q.connection_key)" : "")}
                ORDER BY q.position
                """);
            PipelineStore.Bind(command, "@profile", profile);
            return ReadAll(command, r => new QueuedPerson(
                Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture),
                r.GetString(1),
                r.GetString(2),
                r.GetString(3),
                r.GetString(4),
                r.GetString(5),
                r.GetDouble(6)));
        });
    }

    /// <summary>The person is passed over in the profile's queue (the page's "Skip"); says whether they were queued.</summary>
    public bool Skip(string profile, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(profile);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return store.Locked(c =>
        {
            using var command = Command(c, "UPDATE label_queue SET skipped = 1 WHERE profile = @profile AND connection_key = @key");
            PipelineStore.Bind(command, "@profile", profile);
            PipelineStore.Bind(command, "@key", key);
            return command.ExecuteNonQuery() > 0;
        });
    }

    /// <summary>The queue's progress ("12 of 50") and the profile's labels in all.</summary>
    public LabelProgress Progress(string profile)
    {
        ArgumentException.ThrowIfNullOrEmpty(profile);
        return store.Locked(c =>
        {
            using var command = Command(
                c,
                """
                SELECT
                    (SELECT COUNT(*) FROM label_queue WHERE profile = @profile),
                    (SELECT COUNT(*) FROM label_queue q WHERE q.profile = @profile
                        AND EXISTS (SELECT 1 FROM labels l WHERE l.profile = q.profile AND l.connection_key = q.connection_key)),
                    (SELECT COUNT(*) FROM label_queue q WHERE q.profile = @profile AND q.skipped = 1
                        AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.profile = q.profile AND l.connection_key = q.connection_key)),
                    (SELECT COUNT(*) FROM labels WHERE profile = @profile),
                    (SELECT COUNT(*) FROM labels WHERE profile = @profile AND is_icp = 1)
                """);
            PipelineStore.Bind(command, "@profile", profile);
            return ReadAll(command, r => new LabelProgress(
                Int(r, 0), Int(r, 1), Int(r, 2), Int(r, 3), Int(r, 4))).Single();
        });
    }

    private static int Int(DbDataReader reader, int column) => Convert.ToInt32(reader.GetValue(column), CultureInfo.InvariantCulture);

    private static StoredLabel ReadLabel(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        Int(r, 6) != 0,
        Source(r.GetString(7)),
        r.GetString(8),
        StoreValues.Instant(r.GetString(9)));

    private static string Spell(LabelSource source) => source switch
    {
        LabelSource.Page => "page",
        LabelSource.File => "file",
        LabelSource.Train => "train",
        LabelSource.Crm => "crm",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    private static LabelSource Source(string text) => text switch
    {
        "page" => LabelSource.Page,
        "file" => LabelSource.File,
        "train" => LabelSource.Train,
        "crm" => LabelSource.Crm,
        _ => throw new InvalidDataException($"unknown label source '{text}'"),
    };

    private static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static List<T> ReadAll<T>(DbCommand command, Func<DbDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
