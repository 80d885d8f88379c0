namespace IcpScoring.Storage;

// One line for the user: which database, what is wrong with it, and what to do about it.
internal sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
