namespace Vigil.Pipeline.Ports;

public static class IngestCheckpointKinds
{
    public const string Poller = "poller";

    public const string File = "file";
}
