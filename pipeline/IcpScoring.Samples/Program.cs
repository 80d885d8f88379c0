using System.Globalization;
using IcpScoring.Samples;

const string Usage = "usage: IcpScoring.Samples <output-folder> [--seed N]   (default seed 42)";

string? output = null;
var seed = 42;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--seed" && i + 1 < args.Length
        && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
    {
        seed = parsed;
        i++;
    }
    else if (output is null && !args[i].StartsWith('-'))
    {
        output = args[i];
    }
    else
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
}

if (output is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var files = new Generator(seed).Generate();
Generator.WriteAll(output, files);
Console.Write(Generator.Summary(files));
return 0;
