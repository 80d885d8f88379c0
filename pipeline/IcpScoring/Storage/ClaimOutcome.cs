namespace IcpScoring.Storage;

/// <summary>What a claim in the ledger came to (<see cref="PipelineStore.TryClaim"/>).</summary>
internal enum ClaimOutcome
{
    /// <summary>The file is the claimant's to process.</summary>
    Claimed,

    /// <summary>Done already: the file's own entry, or a copy it cannot be told apart from.</summary>
    AlreadyDone,

    /// <summary>Being processed by a live claimant: the file's own entry, or such a copy.</summary>
    Busy,

    /// <summary>Another account's content: the file's own entry is failed with the reason, naming that account's file.</summary>
    Refused,
}
