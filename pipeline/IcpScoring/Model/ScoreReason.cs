using System.Globalization;

namespace IcpScoring.Model;

/// <summary>
/// One part of a connection's input and what it does to the score, in percentage points: the score
/// with the part minus the score with that part left out (the model given nothing for it). Positive
/// when the part raises the score, negative when it lowers it. Parts are measured one at a time, so
/// their points need not add up to the score.
/// </summary>
internal sealed record ScoreReason(string Text, double Points)
{
    /// <summary>"Director in Marketing (+41 pts)", "industry: Retail (−38 pts)": as CSV cells and pages show it.</summary>
    public override string ToString() => $"{Text} ({Signed(Points)} pts)";

    /// <summary>Whole points with their sign: +41, −38 (a true minus sign, as the reports print changes).</summary>
    public static string Signed(double points)
    {
        var whole = (long)Math.Round(points, MidpointRounding.AwayFromZero);
        return whole < 0 ? "−" + (-whole).ToString(CultureInfo.InvariantCulture) : "+" + whole.ToString(CultureInfo.InvariantCulture);
    }
}
