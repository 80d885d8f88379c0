using System.Diagnostics;
using IcpScoring.Storage;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Storage;

/// <summary>
/// Who holds a file: a process of this machine, where "this machine" means "where process ids mean
/// the same processes". A live process elsewhere with the same host name (a cloned VM, a container
/// sharing the host's name) must never be judged dead here, or its file would be taken from it.
/// </summary>
public sealed class ClaimantTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void OnLinuxTheMachineIsTheHostNameTaggedWithTheBootAndTheProcessIdNamespace()
    {
        var boot = File.ReadAllText("/proc/sys/kernel/random/boot_id");
        var pidNamespace = new FileInfo("/proc/self/ns/pid").LinkTarget!;
        Assert.Equal($"{Environment.MachineName}~{Claimant.Tag(boot, pidNamespace)}", Claimant.Machine);
        Assert.Equal($"{Claimant.Machine}:{Environment.ProcessId}", Claimant.Current);
        Assert.Matches("^[0-9a-f]{8}$", Claimant.Tag(boot, pidNamespace));
        Assert.NotEqual(Claimant.Tag(boot, pidNamespace), Claimant.Tag(boot, "pid:[4026532178]"));
        Assert.NotEqual(Claimant.Tag(boot, pidNamespace), Claimant.Tag(Guid.NewGuid().ToString(), pidNamespace));
    }

    [Fact]
    public void OnlyAnEndedProcessOfThisMachineIsJudgedDead()
    {
        using var ended = Process.Start("true")!;
        ended.WaitForExit();

        Assert.True(Claimant.IsDeadLocalProcess($"{Claimant.Machine}:{ended.Id}"));
        Assert.False(Claimant.IsDeadLocalProcess(Claimant.Current));
        Assert.False(Claimant.IsDeadLocalProcess($"{Claimant.Machine}:1"));

        // The same host name with another boot or process-id namespace: its process ids are not ours to look up.
        Assert.False(Claimant.IsDeadLocalProcess($"{Environment.MachineName}~00000000:{ended.Id}"));
        Assert.False(Claimant.IsDeadLocalProcess($"another-machine:{ended.Id}"));

        // A claim or temporary file of a version before the tag: the host name alone, judged as it was then.
        Assert.True(Claimant.IsDeadLocalProcess($"{Environment.MachineName}:{ended.Id}"));
        Assert.False(Claimant.IsDeadLocalProcess(null));
        Assert.False(Claimant.IsDeadLocalProcess("no pid here"));
    }

    /// <summary>
    /// A real <c>icp run</c> in its own process-id namespace, as in a container that shares this
    /// host's name: the claim it leaves in the ledger names another machine than this process's,
    /// so it is never judged dead from here (it would be, by its process id, with the host name alone).
    /// </summary>
    [OtherPidNamespaceFact]
    public void AProcessInAnotherPidNamespaceIsAnotherMachine()
    {
        var inbox = _dir.File("inbox");
        Directory.CreateDirectory(Path.Combine(inbox, "acme-marketing"));
        File.Copy(Repo.Path("data-samples", "inbox", "acme-marketing", "2026-09.csv"), Path.Combine(inbox, "acme-marketing", "2026-09.csv"));
        var db = _dir.File("icp.db");

        var run = IcpProcess.RunUnder(
            OtherPidNamespaceFactAttribute.Command, _dir.Path, null,
            "--config", IcpProcess.WriteConfig(_dir), "--models-dir", Repo.Path("models"), "--db", db, "run", "--inbox", inbox, "--out", _dir.File("out"));
        Assert.True(run.ExitCode == 0, run.Stderr);

        using var store = PipelineStore.Open(db);
        var claimant = Assert.Single(store.Ledger()).ClaimedBy!;
        var machine = claimant[..claimant.LastIndexOf(':')];
        Assert.StartsWith($"{Environment.MachineName}~", machine, StringComparison.Ordinal);
        Assert.NotEqual(Claimant.Machine, machine);
        Assert.False(Claimant.IsDeadLocalProcess(claimant));
    }
}
