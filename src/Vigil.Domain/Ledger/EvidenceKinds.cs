namespace Vigil.Domain.Ledger;

/// <summary>Ledger entry kinds written by the evidence and learning stages. Stable names, like <see cref="LedgerKinds"/>.</summary>
public static class EvidenceKinds
{
    public const string SigningKeyCreated = "evidence.signing_key_created";
    public const string PackageExported = "evidence.package_exported";

    public const string TuningProposed = "learn.tuning_proposed";
    public const string TuningAccepted = "learn.tuning_accepted";
    public const string TuningRejected = "learn.tuning_rejected";
    public const string TaskCreated = "learn.task_created";
    public const string TaskDone = "learn.task_done";
    public const string ScenarioSaved = "learn.scenario_saved";
}
