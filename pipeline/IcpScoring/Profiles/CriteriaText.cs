using IcpScoring.Normalization;

namespace IcpScoring.Profiles;

/// <summary>A profile's criteria as the rule they make, in words (<c>icp profile show</c> and the profiles page).</summary>
internal static class CriteriaText
{
    /// <summary>The rule, one clause per line; the first line introduces them.</summary>
    public static IReadOnlyList<string> Rule(ProfileCriteria c)
    {
        var lines = new List<string> { "A connection is in this ICP when:" };
        var title = TitleClause(c);
        if (title is not null)
        {
            lines.Add($"- its title {title};");
        }
        else
        {
            lines.Add("- any title (the profile names no title, seniority or function);");
        }

        if (c.HasIndustries)
        {
            lines.Add($"- and its industry is one of: {string.Join(", ", c.Industries.Select(i => i.Describe()))};");
        }

        if (c.HasSizes)
        {
            lines.Add($"- and its company size is one of: {string.Join(", ", c.Sizes.Select(s => s.Label))} employees;");
        }

        if (c.Exclude.Count > 0)
        {
            lines.Add($"- and its title contains none of: {Quoted(c.Exclude)}.");
        }

        lines[^1] = lines[^1].TrimEnd(';') + (lines[^1].EndsWith('.') ? "" : ".");
        lines.Add("Keywords match whole words, whatever their case and accents. "
            + (c.HasIndustries || c.HasSizes
                ? "An unknown industry or company size neither meets nor fails its list: the model decides from the rest."
                : "Industry and company size do not count."));
        return lines;
    }

    private static string? TitleClause(ProfileCriteria c)
    {
        var role = RoleClause(c);
        return (c.Include.Count > 0, role) switch
        {
            (true, null) => $"contains {Or(c.Include)}",
            (true, { } r) => $"contains {Or(c.Include)}, or reads as {r}",
            (false, { } r) => $"reads as {r}",
            _ => null,
        };
    }

    private static string? RoleClause(ProfileCriteria c)
    {
        var functions = string.Join(" or ", c.Functions.Select(TitleTaxonomy.Label));
        var seniorities = string.Join(", ", c.Seniorities.Select(TitleTaxonomy.Label));
        return (c.Functions.Count > 0, c.Seniorities.Count > 0) switch
        {
            (true, true) => $"{functions} at {seniorities} seniority",
            (true, false) => $"{functions} at any seniority",
            (false, true) => $"{seniorities} seniority in any function",
            _ => null,
        };
    }

    private static string Or(IReadOnlyList<TitleKeyword> keywords) =>
        keywords.Count == 1 ? $"\"{keywords[0].Text}\"" : $"{string.Join(", ", keywords.Take(keywords.Count - 1).Select(k => $"\"{k.Text}\""))} or \"{keywords[^1].Text}\"";

    private static string Quoted(IReadOnlyList<TitleKeyword> keywords) => string.Join(", ", keywords.Select(k => $"\"{k.Text}\""));
}
