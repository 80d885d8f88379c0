namespace IcpScoring.Cli.Hosting;

/// <summary>Configuration that cannot be used; the message names the file and the key.</summary>
internal sealed class ConfigurationProblemException(string message, Exception? inner = null) : Exception(message, inner);
