namespace IcpScoring.Model;

// A models folder that cannot be used as asked: the message is one line that names the folder or
// file and says what to do about it.
internal sealed class ModelRegistryException(string message, Exception? inner = null) : Exception(message, inner);
