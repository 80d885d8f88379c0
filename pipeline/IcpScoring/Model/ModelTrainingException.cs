namespace IcpScoring.Model;

/// <summary>Training data that cannot make a model; the message says what is wrong and what to do.</summary>
public sealed class ModelTrainingException(string message) : Exception(message);
