namespace Vigil.Domain;

/// <summary>
/// Identifiers are a short type prefix and a UUIDv7 in hex: they sort by creation time, which keyset
/// paging and index locality both rely on, and the prefix tells a reader what an id names.
/// </summary>
public static class Ids
{
    public const string Alert = "alr";
    public const string Case = "cas";
    public const string Note = "not";
    public const string DeadLetter = "dlq";
    public const string ApiKey = "key";
    public const string User = "usr";
    public const string Action = "act";

    public static string New(string prefix) => string.Concat(prefix, "_", Guid.CreateVersion7().ToString("N"));

    public static string New(string prefix, DateTimeOffset at) =>
        string.Concat(prefix, "_", Guid.CreateVersion7(at).ToString("N"));

    public static bool HasPrefix(string id, string prefix) =>
        id.Length == prefix.Length + 33 && id.StartsWith(prefix, StringComparison.Ordinal) && id[prefix.Length] == '_';
}
