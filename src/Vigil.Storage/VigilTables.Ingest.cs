namespace Vigil.Storage;

public static partial class VigilTables
{
    public const string IngestCheckpoints = "vigil_ingest_checkpoints";
}
