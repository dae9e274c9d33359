namespace Vigil.Connectors.Enrichment;

/// <summary>At most <see cref="Permits"/> lookups in any <see cref="Window"/> (VirusTotal's free tier: 4 a minute).</summary>
public sealed record RateLimit(int Permits, TimeSpan Window)
{
    public override string ToString() => $"{Permits} per {(Window.TotalMinutes >= 1 ? $"{Window.TotalMinutes:0.##} min" : $"{Window.TotalSeconds:0.##} s")}";
}
