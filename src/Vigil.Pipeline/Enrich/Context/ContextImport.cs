namespace Vigil.Pipeline.Enrich.Context;

/// <summary>
/// Records read from a context file and the problems found. A record whose key (host, user, service name) is missing
/// is dropped; a bad optional field is left unknown, so one malformed date does not lose a person's whole record.
/// </summary>
public sealed record ContextImport<T>(IReadOnlyList<T> Records, IReadOnlyList<ContextError> Errors)
{
    public bool IsClean => Errors.Count == 0;
}
