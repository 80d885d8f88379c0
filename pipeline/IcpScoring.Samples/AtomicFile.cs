using System.Text;

namespace IcpScoring.Samples;

internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Temp file then rename, so a reader never sees half a sample and a crash never leaves one.
    public static void Write(string path, string content, bool withBom)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        {
            if (withBom)
            {
                stream.Write(Encoding.UTF8.Preamble);
            }

            stream.Write(Utf8NoBom.GetBytes(content));
        }

        File.Move(temp, path, overwrite: true);
    }
}
