namespace Vigil.Storage;

public static partial class VigilTables
{
    public const string ArtefactBlobs = "vigil_artefact_blobs";
    public const string Artefacts = "vigil_artefacts";
    public const string LegalHolds = "vigil_legal_holds";
    public const string Tombstones = "vigil_tombstones";
    public const string StreamReceivers = "vigil_stream_receivers";
    public const string StreamCursors = "vigil_stream_cursors";
}
