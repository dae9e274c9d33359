namespace Vigil.Connectors.Vendors.Aws;

/// <summary>The headers a SigV4-signed request carries, and the intermediate values the AWS test suite publishes.</summary>
public sealed record SigV4Signature
{
    public required string Authorization { get; init; }

    public required string AmzDate { get; init; }

    public string? SecurityToken { get; init; }

    public required string CanonicalRequest { get; init; }

    public required string StringToSign { get; init; }

    public required string Signature { get; init; }

    public override string ToString() => $"SigV4Signature {{ AmzDate = {AmzDate} }}";
}
