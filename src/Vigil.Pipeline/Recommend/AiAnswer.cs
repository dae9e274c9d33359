namespace Vigil.Pipeline.Recommend;

/// <summary>What an AI analyst said, after its schema and catalogue checks: claims to verify, or why it was refused whole.</summary>
public sealed record AiAnswer
{
    /// <summary>e.g. <c>llm:gpt-4o-mini</c>.</summary>
    public required string Model { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<Claim> Claims { get; init; } = [];

    /// <summary>Set when the whole answer was refused (schema failure, an action outside the catalogue, transport error).</summary>
    public string? Rejection { get; init; }

    /// <summary>Catalogue actions the model proposed that were not accepted (target not on the case), in words.</summary>
    public IReadOnlyList<string> RefusedActions { get; init; } = [];

    /// <summary>SHA-256 of the exact prompt sent, for the ledger.</summary>
    public string? PromptDigest { get; init; }

    /// <summary>The raw answer text as received (bounded), for the ledger.</summary>
    public string? RawAnswer { get; init; }
}
