namespace Vigil.Detection.Compilation;

/// <summary>The value modifiers of the Sigma 2.1.0 modifiers appendix that this engine implements.</summary>
internal static class Modifiers
{
    public static readonly HashSet<string> Known =
    [
        "all", "startswith", "endswith", "contains", "exists", "cased", "neq",
        "windash", "re", "i", "m", "s", "base64", "base64offset", "utf16le", "utf16be", "utf16", "wide",
        "lt", "lte", "gt", "gte", "minute", "hour", "day", "week", "month", "year",
        "cidr", "expand", "fieldref",
    ];

    public static readonly HashSet<string> TimeParts = ["minute", "hour", "day", "week", "month", "year"];

    public static readonly HashSet<string> Numeric = ["lt", "lte", "gt", "gte"];
}
