using System.Globalization;
using System.Text.RegularExpressions;
using IcpScoring.Cli.Jobs;
using IcpScoring.Pipeline;
using Microsoft.AspNetCore.Http;

namespace IcpScoring.Cli.Web;

/// <summary>
/// A file arriving through a page: stored under a hidden staging folder of the inbox (same file
/// system, so the final move is a rename), checked at once, and moved into the inbox only when it
/// is an export the pipeline understands. What is refused never reaches the inbox.
/// </summary>
internal static partial class Uploads
{
    public const string StagingFolder = ".uploads";

    /// <summary>Null when the account name is acceptable as an inbox folder, else why not.</summary>
    public static string? AccountProblem(string? account)
    {
        if (string.IsNullOrWhiteSpace(account))
        {
            return "Choose or type an account.";
        }

        if (account.Length > 80)
        {
            return "An account name is at most 80 characters.";
        }

        if (!AccountPattern().IsMatch(account))
        {
            return "An account name has letters, digits, spaces and . , & ' ( ) _ + - only, and starts with a letter or digit.";
        }

        return AccountNames.Slug(account).Length == 0 ? "That account name has nothing a folder can be named after." : null;
    }

    public static string? MonthProblem(string? month) =>
        month is not null && AccountNames.IsMonth(month) ? null : "Choose a month (YYYY-MM).";

    /// <summary>The extension a stored upload keeps: what the reader recognises.</summary>
    public static string? ExtensionOf(string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext is ".csv" or ".zip" ? ext : null;
    }

    // An upload held for confirmation is forgotten after this long.
    private static readonly TimeSpan HeldFor = TimeSpan.FromDays(1);

    /// <summary>The path of a staged upload named as the confirmation form names it, or null when there is none (or the name is not one of ours).</summary>
    public static string? Staged(ServePaths paths, string name)
    {
        if (!StagedName().IsMatch(name))
        {
            return null;
        }

        var path = Path.Combine(paths.Inbox, StagingFolder, name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Copies the upload to a staging file and flushes it to disk; the caller moves or deletes it.</summary>
    public static async Task<string> Stage(ServePaths paths, IFormFile file, string extension, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(paths.Inbox, StagingFolder);
        Directory.CreateDirectory(folder);
        foreach (var old in new DirectoryInfo(folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < DateTime.UtcNow - HeldFor))
        {
            // Uploads held for a confirmation nobody gave.
            old.Delete();
        }

        var staged = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid():N}{extension}"));
        try
        {
            await using var target = new FileStream(staged, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await file.CopyToAsync(target, cancellationToken);
            await target.FlushAsync(cancellationToken);
            target.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(staged);
            throw;
        }

        return staged;
    }

    /// <summary>Moves a checked file into place (replacing a pending file of the same month); returns its path relative to the inbox.</summary>
    public static string Accept(ServePaths paths, string staged, string account, string name)
    {
        var folder = Path.Combine(paths.Inbox, account);
        Directory.CreateDirectory(folder);
        File.Move(staged, Path.Combine(folder, name), overwrite: true);
        return $"{account}/{name}";
    }

    /// <summary>
    /// The month the upload form suggests: the one before today's, since a month's export is taken
    /// in the first days of the next (January's suggestion is December of the year before).
    /// </summary>
    public static string DefaultMonth(TimeProvider clock)
    {
        var today = clock.GetLocalNow();
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} .,&'()_+\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[0-9a-f]{32}\\.(csv|zip)$", RegexOptions.CultureInvariant)]
    private static partial Regex StagedName();
}
