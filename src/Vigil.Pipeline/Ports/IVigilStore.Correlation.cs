namespace Vigil.Pipeline.Ports;

public partial interface IVigilStore
{
    /// <summary>An entity by its key (<c>type:value</c>, normalised), or null when no alert ever named it.</summary>
    Task<EntityRecord?> GetEntityAsync(string entityKey, CancellationToken cancellationToken);

    /// <summary>The cases (open or closed) an entity appears in, most recently active first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<EntityCaseRef>> ListEntityCasesAsync(string entityKey, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Closed cases other than <paramref name="excludeCaseId"/> that hold any of <paramref name="entityKeys"/>, with the
    /// keys each shares; most recently closed first, at most <paramref name="limit"/> cases.
    /// </summary>
    Task<IReadOnlyList<SharedEntityCase>> FindClosedCasesSharingAsync(
        IReadOnlyList<string> entityKeys, string excludeCaseId, int limit, CancellationToken cancellationToken);
}
