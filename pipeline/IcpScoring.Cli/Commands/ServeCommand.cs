using System.CommandLine;
using IcpScoring.Cli.Hosting;
using IcpScoring.Cli.Jobs;
using Microsoft.Extensions.Hosting;

namespace IcpScoring.Cli.Commands;

/// <summary><c>icp serve [--inbox DIR] [--out DIR] [--urls URL] [--worker]</c>: the scheduled jobs, the dashboard and the pages (not with <c>--worker</c>).</summary>
internal static class ServeCommand
{
    public static Command Create(GlobalOptions globals, TextWriter stdout)
    {
        var inbox = new Option<string?>("--inbox") { Description = "The inbox to watch (default: Paths:Inbox)" };
        var output = new Option<string?>("--out") { Description = "Where reports go (default: Paths:Out)" };
        var urls = new Option<string?>("--urls") { Description = "The web endpoint (default: Jobs:Urls, http://127.0.0.1:5080)" };
        var worker = new Option<bool>("--worker") { Description = "Process jobs only: no dashboard and no pages (for extra machines); /healthz stays" };
        var command = new Command("serve", "Run the Hangfire server: the inbox is scanned on a schedule, each export processed by a job, drift and portfolio kept current, labeled prospects in <inbox>/labels/ retrained on; pages at /, dashboard at /hangfire") { inbox, output, urls, worker };
        command.SetAction((parse, cancellationToken) => CommandScope.RunAsync(parse, globals, async scope =>
        {
            var paths = new ServePaths(
                parse.GetValue(inbox) ?? scope.Settings.Paths.Inbox,
                parse.GetValue(output) ?? scope.Settings.Paths.Out,
                scope.DatabasePath(parse, globals),
                parse.GetValue(globals.ModelsDir) ?? scope.Settings.Paths.ModelsDir,
                scope.Settings.Paths.DataDir);

            var endpoint = ServeHost.CheckedUrls(parse.GetValue(urls) ?? scope.Settings.Jobs.Urls);

            // Refuse to start without a usable default profile or database rather than fail every job.
            var models = scope.ModelsFolder(parse, globals);
            ProfileCommand.CheckUsable(models.Get(scope.Settings.Profiles.Default), models);
            string database;
            using (var store = Storage.PipelineStore.Open(paths.Database, spillFolder: paths.SpillFolder))
            {
                database = store.Database;
            }

            var shared = ServeHost.SharedQueue(scope.Settings.Jobs, paths.Database);
            if (shared)
            {
                SharedQueueSchema.Prepare(paths.Database);
            }

            var queue = shared ? $"jobs queued in {database}" : "jobs queued in memory";

            var workerOnly = parse.GetValue(worker);
            await using var app = ServeHost.Build(scope.Settings, paths, endpoint, scope.Serilog, workerOnly);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e) when (ServeHost.AddressInUse(e))
            {
                throw new ConfigurationProblemException($"cannot listen on {endpoint}: the address is in use (another icp serve?); give another with --urls or Jobs:Urls", e);
            }

            var front = workerOnly ? $"worker (no pages), health at {endpoint.TrimEnd('/')}/healthz" : $"dashboard at {endpoint.TrimEnd('/')}/hangfire";
            await stdout.WriteLineAsync($"icp serve: {front}, {queue}, watching {Path.GetFullPath(paths.Inbox)}, reports in {Path.GetFullPath(paths.Out)}; this server is {Storage.Claimant.Current} in the ledger and the dashboard");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        }));
        return command;
    }
}
