namespace Vigil.Pipeline.Enrich.Intel.Misp;

/// <summary>How MISP attributes become indicators.</summary>
public sealed record MispImportOptions
{
    /// <summary>Keep attributes whose to_ids flag is false (context, not detection material). Off by default.</summary>
    public bool IncludeNonIds { get; init; }

    /// <summary>MISP attributes carry no confidence; this one is given to to_ids attributes.</summary>
    public int IdsConfidence { get; init; } = 75;

    /// <summary>The confidence given to attributes kept with <see cref="IncludeNonIds"/>.</summary>
    public int NonIdsConfidence { get; init; } = 30;
}
