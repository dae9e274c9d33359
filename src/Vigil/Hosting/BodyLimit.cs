namespace Vigil.Hosting;

/// <summary>Endpoint metadata: the endpoint reads its body itself and enforces the size limit with its own response.</summary>
internal sealed class BodyLimit
{
    public static BodyLimit HandledByEndpoint { get; } = new();

    private BodyLimit()
    {
    }
}
