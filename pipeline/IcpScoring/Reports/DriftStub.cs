namespace IcpScoring.Reports;
#pragma warning disable
internal static class DriftJson { public static void Write(string path, IcpScoring.Drift.DriftReport r) { } }
internal static class DriftHtml { public static void Write(string path, IcpScoring.Drift.DriftReport r) { } }
