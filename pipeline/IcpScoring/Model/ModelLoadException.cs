namespace IcpScoring.Model;

/// <summary>A model that cannot be used: missing, corrupt, or of another feature schema. The message says what to do.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
