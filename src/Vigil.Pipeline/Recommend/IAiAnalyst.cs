namespace Vigil.Pipeline.Recommend;

/// <summary>An optional language-model analyst. Its answer adds narrative claims; it never sets severity, disposition or actions.</summary>
public interface IAiAnalyst
{
    Task<AiAnswer> AskAsync(CaseDossier dossier, AnalystOpinion builtIn, CancellationToken cancellationToken);
}
