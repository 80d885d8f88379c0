namespace IcpScoring.Labeling;

/// <summary>
/// What <c>icp labels import</c> did with a CRM export: rows read, how many matched a connection,
/// how many became ICP and not-ICP labels, how many statuses meant neither (unlabeled, by value).
/// </summary>
internal sealed record CrmImportResult(int Rows, int Matched, int Icp, int NotIcp, int Unlabeled, IReadOnlyDictionary<string, int> UnlabeledStatuses)
{
    public int Labeled => Icp + NotIcp;
}
