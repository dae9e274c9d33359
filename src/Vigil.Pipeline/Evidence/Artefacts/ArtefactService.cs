using System.Security.Cryptography;
using Vigil.Domain;
using Vigil.Domain.Evidence;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Evidence.Artefacts;

/// <summary>
/// Evidence artefacts with a chain of custody: a file is stored once under its SHA-256, attached to a case with who
/// collected it, when and from where, and every later read is an <c>artefact.accessed</c> entry on the case's chain,
/// committed before a single byte is handed out. Content is re-hashed on every read, so a changed blob is refused.
/// </summary>
public sealed class ArtefactService(IVigilStore store, TimeProvider time)
{
    public const string IdPrefix = "art";
    public const long DefaultMaxBytes = 50L * 1024 * 1024;
    public const int MaxNameLength = 255;

    /// <summary>The largest artefact accepted (Vigil:Artefacts:MaxBytes).</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    public async Task<ArtefactOutcome> AddAsync(ArtefactUpload upload, Actor actor, CancellationToken cancellationToken)
    {
        if (upload.Content.Length == 0)
        {
            return ArtefactOutcome.Refused("the artefact is empty");
        }

        if (upload.Content.Length > MaxBytes)
        {
            return ArtefactOutcome.Refused($"the artefact is {upload.Content.Length} bytes; the limit is {MaxBytes} (Vigil:Artefacts:MaxBytes)");
        }

        if (string.IsNullOrWhiteSpace(upload.Name) || upload.Name.Length > MaxNameLength)
        {
            return ArtefactOutcome.Refused($"an artefact needs a file name of 1 to {MaxNameLength} characters");
        }

        if (string.IsNullOrWhiteSpace(upload.CollectedFrom))
        {
            return ArtefactOutcome.Refused("say where the artefact was collected from (host, mailbox, URL, path)");
        }

        var now = time.GetUtcNow();
        var artefact = new Artefact
        {
            Id = Ids.New(IdPrefix, now),
            CaseId = upload.CaseId,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content.Span)),
            Name = upload.Name,
            Size = upload.Content.Length,
            Description = string.IsNullOrWhiteSpace(upload.Description) ? null : upload.Description,
            CollectedBy = actor.ToString(),
            CollectedAt = LedgerHasher.Truncate(now),
            CollectedFrom = upload.CollectedFrom,
        };
        await using var transaction = await store.BeginAsync(cancellationToken);
        if (await transaction.GetCaseForUpdateAsync(upload.CaseId, cancellationToken) is null)
        {
            return ArtefactOutcome.Missing();
        }

        var stored = await transaction.PutArtefactBlobAsync(artefact.Sha256, upload.Content, now, cancellationToken);
        await transaction.InsertArtefactAsync(artefact, cancellationToken);
        await transaction.AppendLedgerAsync(artefact.CaseId, ArtefactKinds.Collected, actor, now, LedgerPayload.From(new
        {
            artefact_id = artefact.Id,
            artefact.Sha256,
            artefact.Size,
            artefact.Name,
            collected_from = artefact.CollectedFrom,
            artefact.Description,
            content_already_held = !stored,
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ArtefactOutcome.Ok(artefact);
    }

    /// <summary>
    /// Hands out an artefact's content after recording the access (who, from where, how) on the case's chain. Refused
    /// when retention disposed of it or when the stored bytes no longer hash to the artefact's SHA-256.
    /// </summary>
    public async Task<ArtefactOutcome> ReadAsync(string id, Actor actor, string accessedFrom, string via, CancellationToken cancellationToken)
    {
        var artefact = await store.GetArtefactAsync(id, cancellationToken);
        if (artefact is null)
        {
            return ArtefactOutcome.Missing();
        }

        if (artefact.DisposedAt is { } disposed)
        {
            return ArtefactOutcome.Refused($"artefact {id} was disposed of by retention on {disposed:yyyy-MM-dd}; its SHA-256 {artefact.Sha256} is kept");
        }

        var content = await store.ReadArtefactContentAsync(artefact.Sha256, cancellationToken);
        if (content is null || Convert.ToHexStringLower(SHA256.HashData(content)) != artefact.Sha256)
        {
            return ArtefactOutcome.Refused($"artefact {id}: the stored content does not match SHA-256 {artefact.Sha256}; nothing was handed out");
        }

        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        if (await transaction.GetCaseForUpdateAsync(artefact.CaseId, cancellationToken) is null)
        {
            return ArtefactOutcome.Missing();
        }

        await transaction.AppendLedgerAsync(artefact.CaseId, ArtefactKinds.Accessed, actor, now,
            LedgerPayload.From(new { artefact_id = artefact.Id, artefact.Sha256, accessed_from = accessedFrom, via }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ArtefactOutcome.Ok(artefact, content);
    }

    /// <summary>The artefact's chain of custody: every entry on its case's chain that names it, in order.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> CustodyAsync(Artefact artefact, CancellationToken cancellationToken)
    {
        var needle = $"\"artefact_id\":\"{artefact.Id}\"";
        return (await store.ReadLedgerAsync(artefact.CaseId, cancellationToken))
            .Where(e => e.Kind.StartsWith("artefact.", StringComparison.Ordinal) || e.Kind.StartsWith("retention.", StringComparison.Ordinal))
            .Where(e => e.Payload.Contains(needle, StringComparison.Ordinal) || e.Payload.Contains(artefact.Sha256, StringComparison.Ordinal))
            .ToArray();
    }
}
