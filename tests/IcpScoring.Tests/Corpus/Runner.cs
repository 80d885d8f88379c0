namespace IcpScoring.Tests.Corpus;

/// <summary>How a case runs the <c>icp</c> command line.</summary>
public enum Runner
{
    /// <summary>In this process, through the command line's entry point (fast; most cases).</summary>
    InProcess,

    /// <summary>The real executable, in the case's folder (settings, memory limits, standard input).</summary>
    Process,

    /// <summary>The real executable as an unprivileged user, so that file permissions apply even when the tests run as root.</summary>
    Unprivileged,
}
