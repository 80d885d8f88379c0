using System.Globalization;

namespace IcpScoring.Model;

// Serialises the read-modify-write of registry.json between processes (a retrain job and a user's
// `icp models promote`): without it, two promotions at once could each drop the other's history
// line. The lock file stays behind on purpose; deleting it would race with the next taker.
internal sealed class RegistryLock : IDisposable
{
    private const int PatienceSeconds = 30;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    private readonly FileStream _file;

    private RegistryLock(FileStream file) => _file = file;

    public static RegistryLock Take(string folder) => Take(folder, TimeSpan.FromSeconds(PatienceSeconds));

    /// <summary>A lock of its own name in the folder (<c>.NAME.lock</c>), held for as long as <paramref name="patience"/> allows waiting.</summary>
    public static RegistryLock Take(string folder, TimeSpan patience, string name = "registry")
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $".{name}.lock");
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                return new RegistryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(Pause);
            }
            catch (IOException e)
            {
                throw new ModelRegistryException(
                    string.Create(CultureInfo.InvariantCulture, $"{path} is held by another process for more than {patience.TotalSeconds:N0} s; wait for it to finish and try again"),
                    e);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
