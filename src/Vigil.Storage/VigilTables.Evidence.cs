namespace Vigil.Storage;

public static partial class VigilTables
{
    public const string SigningKeys = "vigil_signing_keys";
    public const string TuningProposals = "vigil_tuning_proposals";
    public const string LearningTasks = "vigil_learning_tasks";
}
