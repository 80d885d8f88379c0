using IcpScoring.Model;

namespace IcpScoring.Labeling;

/// <summary>
/// A connection a label queue may offer, or a CRM row may match: its snapshot key, what a person
/// labeling it sees (the raw title, company, industry, size, profile URL when the export gave one),
/// the upper-cased name and company as the duplicate filter compares them (empty when unknown), and
/// what the model reads of it.
/// </summary>
internal sealed record QueueCandidate(string Key, string Title, string Company, string Industry, string CompanySize, string ProfileUrl, string NameKey, ModelInput Input);
