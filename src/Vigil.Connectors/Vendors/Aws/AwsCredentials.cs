namespace Vigil.Connectors.Vendors.Aws;

/// <summary>An AWS access key pair (and session token for temporary credentials). <see cref="ToString"/> hides the secret.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
