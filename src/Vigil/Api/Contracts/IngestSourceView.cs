namespace Vigil.Api.Contracts;

/// <summary>A source events can be pushed for, with what this server process has received for it since it started.</summary>
internal sealed record IngestSourceView(
    string Name,
    string Description,
    string Vendor,
    string Product,
    long Received,
    long Stored,
    long Deduplicated,
    long DeadLettered,
    long Drifted,
    DateTimeOffset? LastReceivedAt);
