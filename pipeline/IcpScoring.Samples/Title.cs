namespace IcpScoring.Samples;

// Function and seniority are kept beside the text so Apollo's Seniority/Departments columns agree with it.
internal sealed record Title(string Text, string Function, string Seniority, bool IsIcp);
