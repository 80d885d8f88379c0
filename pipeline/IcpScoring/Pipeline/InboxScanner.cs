namespace IcpScoring.Pipeline;

/// <summary>
/// Finds the exports in an inbox: <c>&lt;account&gt;/&lt;YYYY-MM&gt;.csv|.zip</c>, files in a folder
/// <c>&lt;account&gt;/&lt;YYYY-MM&gt;/</c> (a month spelt another way is read as that month, and a name that
/// looks like a month but is not one is noted), other exports in an account folder (month from the data), and
/// exports at the top (account from an Account column). Hidden and temporary files, and the
/// <c>failed</c> and <c>labels</c> folders, are not exports.
/// </summary>
internal static class InboxScanner
{
    public const string FailedFolder = "failed";
    public const string LabelsFolder = "labels";

    public static IReadOnlyList<InboxFile> Scan(string inbox)
    {
        if (!Directory.Exists(inbox))
        {
            throw new DirectoryNotFoundException($"{inbox}: no such inbox folder");
        }

        var found = new List<InboxFile>();
        foreach (var path in Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories))
        {
            // Split on this system's separators only: on Linux a backslash is part of a folder's name (a\b is one account).
            var parts = Path.GetRelativePath(inbox, path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var relative = string.Join('/', parts);
            if (!IsExport(parts))
            {
                continue;
            }

            // The month is the file's name in an account folder, or its folder's name below that; a
            // name that looks like a month but is not one is kept with its problem, for the file to fail.
            var (account, named) = parts.Length switch
            {
                1 => (null, null),
                2 => (parts[0], MonthNames.Read(Path.GetFileNameWithoutExtension(parts[^1]), "file")),
                _ => (parts[0], MonthNames.Read(parts[1], "folder")),
            };
            found.Add(new InboxFile(path, relative, account, named?.Month) { MonthName = named });
        }

        return [.. found.OrderBy(f => f.Account ?? "", StringComparer.Ordinal).ThenBy(f => f.Month ?? "", StringComparer.Ordinal).ThenBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    private static bool IsExport(string[] parts)
    {
        if (parts.Any(p => p.StartsWith('.') || p.StartsWith('~')))
        {
            return false;
        }

        if (parts.Length > 1 && (parts[0].Equals(FailedFolder, StringComparison.OrdinalIgnoreCase) || parts[0].Equals(LabelsFolder, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var name = parts[^1];
        return name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
    }
}
