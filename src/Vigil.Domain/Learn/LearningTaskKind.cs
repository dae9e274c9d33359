namespace Vigil.Domain.Learn;

public enum LearningTaskKind
{
    /// <summary>Decide a proposed Sigma rule tuning (benign or false positive).</summary>
    DecideTuning,

    /// <summary>Keep the case's alerts as a replayable scenario for future playbook versions (true positive).</summary>
    SaveScenario,

    /// <summary>Write a detection for what the case held that no rule caught.</summary>
    NewDetection,

    /// <summary>Bring the runbook in line with what the analysts actually did.</summary>
    RunbookEdit,
}
