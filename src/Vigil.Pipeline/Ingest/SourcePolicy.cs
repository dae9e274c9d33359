namespace Vigil.Pipeline.Ingest;

/// <summary>
/// Per-source ingest settings, under <c>Vigil:Ingest:Sources:NAME</c> (NAME is the mapping, or the alert source):
/// what makes two alerts the same, when a flood of similar alerts becomes one storm alert, and how fast the source may push.
/// </summary>
public sealed class SourcePolicy
{
    public const string Section = "Vigil:Ingest:Sources";

    /// <summary>
    /// OCSF paths (e.g. <c>finding_info.title</c>, <c>device.hostname</c>) whose values identify an alert, replacing the
    /// mapping's <c>dedup:</c> fields: a repeat raises the occurrence count instead of opening a new alert.
    /// </summary>
    public string[]? Fingerprint { get; set; }

    /// <summary>More than this many similar alerts in one minute is a storm (0: off).</summary>
    public int StormThreshold { get; set; }

    /// <summary>OCSF paths that make alerts "similar" for storms; the title when empty.</summary>
    public string[]? StormFields { get; set; }

    /// <summary>Sustained events per second accepted on <c>POST /api/v1/ingest/NAME</c> (0: no limit); more gets 429 with Retry-After.</summary>
    public double EventsPerSecond { get; set; }

    /// <summary>Events accepted at once above the sustained rate (the bucket size); at least one batch's worth.</summary>
    public int Burst { get; set; } = 5_000;
}
