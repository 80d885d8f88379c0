using System.Security.Cryptography;
using System.Text;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Reports;
using IcpScoring.Storage;

namespace IcpScoring.Labeling;

/// <summary>
/// One profile's labels, wherever they came from (the page, <c>icp train</c>, files in the inbox,
/// the CRM): a labeled file's rows are recorded in the store, and the profile trains on them with
/// every other person's stored label. One label per person: the latest (the file's, for its people).
/// </summary>
internal sealed class ProfileLabels(LabelStore store, string profile)
{
    public static readonly string[] ExportHeader = ["Title", "Company", "Industry", "Company Size", "IsIcp"];

    public string Profile => profile;

    /// <summary>
    /// Records the file's labels (<paramref name="source"/>, by <paramref name="by"/>) and returns the
    /// profile's training set: the file's rows as they are, then the stored labels of other people.
    /// </summary>
    public TrainingSet Record(LabeledSet set, LabelSource source, string by)
    {
        var known = KnownByInputs();
        var labels = set.People.Select((c, i) => Of(c, set.Rows[i].Label, known)).ToList();
        Save(labels, source, by);

        var inFile = labels.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var others = store.List(profile).Where(l => !inFile.Contains(l.Key)).ToList();
        if (others.Count == 0)
        {
            return set.ToTrainingSet();
        }

        return new TrainingSet(
            [.. set.Rows, .. others.Select(Input)],
            $"{set.File} with {others.Count} other labels of profile {profile}",
            Sha256(set.Sha256, others),
            set.Report.Rejected);
    }

    /// <summary>
    /// Records labels not read from a labeled file (the CRM's): people matched to a connection as
    /// they are, the others by their key (those without a URL or name matched by their inputs).
    /// </summary>
    public void Record(IReadOnlyList<PersonLabel> matched, IReadOnlyList<(Connection Person, bool IsIcp)> others, LabelSource source, string by)
    {
        var known = KnownByInputs();
        Save([.. matched, .. others.Select(p => Of(p.Person, p.IsIcp, known))], source, by);
    }

    /// <summary>Writes the profile's labels as labeled prospects <c>icp train</c> accepts (Title, Company, Industry, Company Size, IsIcp); returns them.</summary>
    public IReadOnlyList<StoredLabel> Export(string path)
    {
        var labels = store.List(profile);
        SpreadsheetCsv.Write(path, ExportHeader, labels.Select(l => (IEnumerable<string?>)[l.Title, l.Company, l.Industry, l.CompanySize, l.IsIcp ? "yes" : "no"]));
        return labels;
    }

    // A label the store holds already, word for word, keeps who gave it and when: an exported file
    // trained on again (or dropped in the inbox's labels folder) tells nothing new.
    private void Save(IReadOnlyList<PersonLabel> labels, LabelSource source, string by)
    {
        var stored = store.List(profile).ToDictionary(l => l.Key, StringComparer.Ordinal);
        store.Record(profile, [.. labels.Where(l => !(stored.TryGetValue(l.Key, out var s) && Same(s, l)))], source, by);
    }

    private static bool Same(StoredLabel s, PersonLabel l) =>
        s.IsIcp == l.IsIcp && s.Title == l.Title && s.Company == l.Company && s.Industry == l.Industry && s.CompanySize == l.CompanySize;

    /// <summary>What the model reads of a stored label, labeled.</summary>
    public static ModelInput Input(StoredLabel label) => ModelFeatures.From(
        TitleCleaner.Clean(label.Title), IndustryCatalog.Default.Find(label.Industry), CompanySizes.Parse(label.CompanySize), label.IsIcp);

    // A row without URL or name is the person already known by the same inputs (labeled before, or
    // queued from the database), so labeling them again replaces that label instead of adding one.
    private PersonLabel Of(Connection c, bool isIcp, Dictionary<string, string> known)
    {
        var industry = c.Industry?.Label ?? "";
        var size = c.CompanySize?.Label ?? "";
        var key = LabelKeys.For(c);
        if (key.StartsWith("inputs-", StringComparison.Ordinal) && known.TryGetValue(LabelKeys.Inputs(c.Title, c.Company, industry, size), out var same))
        {
            key = same;
        }

        return new PersonLabel(key, c.Title, c.Company, industry, size, isIcp);
    }

    private Dictionary<string, string> KnownByInputs()
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in store.Queue(profile))
        {
            known.TryAdd(LabelKeys.Inputs(q.Title, q.Company, q.Industry, q.CompanySize), q.Key);
        }

        foreach (var l in store.List(profile))
        {
            known[LabelKeys.Inputs(l.Title, l.Company, l.Industry, l.CompanySize)] = l.Key;
        }

        return known;
    }

    private static string Sha256(string fileSha, IEnumerable<StoredLabel> others)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(fileSha));
        foreach (var l in others)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\u001e{l.Key}\u001f{(l.IsIcp ? 1 : 0)}"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
