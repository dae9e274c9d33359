using Vigil.Domain.Ledger;
using Vigil.Pipeline.Enrich;

namespace Vigil.Pipeline.Enrich.Context;

/// <summary>Reads a context file or request body of either format and stores what it holds.</summary>
public static class ContextFiles
{
    /// <summary>Wraps the store step (a progress bar on a terminal, nothing in the API).</summary>
    public delegate Task<ImportSummary> Runner(string label, int total, Func<IProgress<int>?, Task<ImportSummary>> work);

    /// <summary>JSON when the text starts with '[' or '{' (one object is one record), CSV otherwise.</summary>
    public static async Task<(ImportSummary Summary, IReadOnlyList<ContextError> Errors)> StoreAsync(
        ContextWriter writer, ContextKind kind, string text, string name, Actor actor, Runner? run, CancellationToken cancellationToken)
    {
        run ??= static (_, _, work) => work(null);
        var trimmed = text.TrimStart();
        var json = trimmed.StartsWith('[') || trimmed.StartsWith('{');
        if (trimmed.StartsWith('{'))
        {
            text = "[" + text + "]";
        }

        switch (kind)
        {
            case ContextKind.Assets:
                var assets = json ? ContextImporter.AssetsFromJson(text, name) : ContextImporter.AssetsFromCsv(new StringReader(text), name);
                return (await run(name, assets.Records.Count, p => writer.StoreAssetsAsync(assets.Records, actor, p, cancellationToken)), assets.Errors);
            case ContextKind.Identities:
                var identities = json ? ContextImporter.IdentitiesFromJson(text, name) : ContextImporter.IdentitiesFromCsv(new StringReader(text), name);
                return (await run(name, identities.Records.Count, p => writer.StoreIdentitiesAsync(identities.Records, actor, p, cancellationToken)), identities.Errors);
            default:
                var services = json ? ContextImporter.ServicesFromJson(text, name) : ContextImporter.ServicesFromCsv(new StringReader(text), name);
                return (await run(name, services.Records.Count, p => writer.StoreServicesAsync(services.Records, actor, p, cancellationToken)), services.Errors);
        }
    }
}
