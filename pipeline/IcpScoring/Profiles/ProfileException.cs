namespace IcpScoring.Profiles;

/// <summary>A profile that cannot be used: unknown, empty, or with a key or value that is not understood. Exit 2.</summary>
internal sealed class ProfileException(string message, Exception? inner = null) : Exception(message, inner);
