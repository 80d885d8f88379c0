using System.Globalization;

namespace IcpScoring.Drift;

/// <summary>
/// Whether a month looks like the account's next export or like a wrong upload: most of last month's
/// people gone (another account's export), a newest connection older than last month's newest (an
/// old export), or a network that shrank by much more than people ever remove in a month. Used by the
/// drift report (a top alert, marked on the portfolio) and by the upload page before a file is queued.
/// </summary>
internal static class Plausibility
{
    /// <summary>Begins every alert that says a month looks like a wrong upload.</summary>
    public const string AlertPrefix = "Check this upload: ";

    // Below this many people last month, "most of them gone" says little.
    private const int FewPeople = 20;

    /// <summary>What the checks need of a month: its connections, the keys of its people (not hidden), its newest connection date.</summary>
    public sealed record Month(long Connections, IReadOnlySet<string> People, DateOnly? Newest);

    public static Month Of(SnapshotData s)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        DateOnly? newest = null;
        foreach (var r in s.Rows)
        {
            if (!r.IsHidden)
            {
                people.Add(r.Key);
            }

            if (r.ConnectedOn is { } d && (newest is null || d > newest))
            {
                newest = d;
            }
        }

        return new Month(s.Info.Connections, people, newest);
    }

    /// <summary>What looks wrong with <paramref name="current"/> as the month after <paramref name="previous"/>, in words; empty when nothing does.</summary>
    public static IReadOnlyList<string> Check(Month previous, Month current, DriftOptions o)
    {
        var c = CultureInfo.InvariantCulture;
        var found = new List<string>();
        if (previous.People.Count >= FewPeople)
        {
            var gone = previous.People.Count(p => !current.People.Contains(p));
            var share = gone / (double)previous.People.Count;
            if (share >= o.SuspectGoneShare)
            {
                found.Add(string.Create(c, $"most of last month's people are gone ({gone:N0} of {previous.People.Count:N0}, {share:0%}); is this the account's own, full export?"));
            }
        }

        if (previous.Newest is { } before && current.Newest is { } now && now < before)
        {
            found.Add(string.Create(c, $"its newest connection ({now:yyyy-MM-dd}) is older than last month's newest ({before:yyyy-MM-dd}); is this an older export?"));
        }

        if (previous.Connections > 0 && current.Connections < previous.Connections * (1 - o.SuspectShrinkShare))
        {
            var shrink = 1 - (current.Connections / (double)previous.Connections);
            found.Add(string.Create(c, $"the network shrank {shrink:0%} ({previous.Connections:N0} → {current.Connections:N0} connections); is the export complete?"));
        }

        return found;
    }
}
