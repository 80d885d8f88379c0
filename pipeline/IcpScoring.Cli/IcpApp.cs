using System.CommandLine;
using IcpScoring.Cli.Commands;
using IcpScoring.Cli.Hosting;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;

namespace IcpScoring.Cli;

/// <summary>
/// The <c>icp</c> command line: parses, runs one command, and maps failures to the exit-code
/// contract (0 success, 2 bad input or usage with one line on standard error, 1 internal failure).
/// </summary>
internal static class IcpApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("IcpScoring: ICP-match scores, addressable-pool and drift reports from LinkedIn connection exports.");
        globals.AddTo(root);
        root.Subcommands.Add(RunCommand.CreateRun(globals, stdout, stderr));
        root.Subcommands.Add(RunCommand.CreateIngest(globals, stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(globals, stdout));
        root.Subcommands.Add(InspectCommand.Create(globals, stdout));
        root.Subcommands.Add(TrainCommand.Create(globals, stdout));
        root.Subcommands.Add(EvaluateCommand.Create(globals, stdout));
        root.Subcommands.Add(ModelsCommand.Create(globals, stdout));
        root.Subcommands.Add(ProfileCommand.Create(globals, stdout));
        root.Subcommands.Add(ScoreCommand.Create(globals, stdout, stderr));
        root.Subcommands.Add(LabelQueueCommand.Create(globals, stdout));
        root.Subcommands.Add(LabelsCommand.Create(globals, stdout));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"icp: {parse.Errors[0].Message} (see icp --help)");
            return ExitCodes.BadInput;
        }

        try
        {
            // The server's host handles SIGTERM itself (graceful job cancellation); the parser must not cut it short.
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception e) when (BadInputMessage(e) is { } message)
        {
            stderr.WriteLine($"icp: {message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("icp: cancelled");
            return ExitCodes.InternalFailure;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"icp: internal error: {e.GetType().Name}: {ErrorText.FirstLine(e.Message)} (details in the log file)");
            return ExitCodes.InternalFailure;
        }
    }

    public static bool IsBadInput(Exception e) => BadInputMessage(e) is not null;

    private static string? BadInputMessage(Exception e) => e switch
    {
        UnreadableExportException or ConfigurationProblemException or CompanyDirectoryException
            or ModelTrainingException or ModelLoadException or ModelRegistryException or Storage.StoreException or Profiles.ProfileException
            or DirectoryNotFoundException => ErrorText.FirstLine(e.Message),
        _ => null,
    };

}
