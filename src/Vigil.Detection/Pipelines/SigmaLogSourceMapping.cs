namespace Vigil.Detection.Pipelines;

/// <summary>
/// One way a logsource shows up in events: rules whose logsource has these product/category/service
/// values (null = any) get <see cref="Conditions"/> AND-ed in (values of one field OR-ed) and see fields
/// renamed by <see cref="FieldMappings"/>. Several entries for the same logsource are alternatives (OR),
/// e.g. process_creation as Sysmon 1 or Security 4688.
/// </summary>
public sealed record SigmaLogSourceMapping(
    string? Product,
    string? Category,
    string? Service,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Conditions,
    IReadOnlyDictionary<string, string> FieldMappings)
{
    /// <summary>True when every key this entry names equals the rule's (case-insensitive).</summary>
    public bool Applies(Rules.SigmaLogSource logSource) =>
        (Product is not null || Category is not null || Service is not null)
        && Same(Product, logSource.Product) && Same(Category, logSource.Category) && Same(Service, logSource.Service);

    /// <summary>Which logsource keys this entry constrains; entries with the same key are alternatives.</summary>
    public string Key => $"{Product}|{Category}|{Service}";

    private static bool Same(string? expected, string? actual) =>
        expected is null || string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase);
}
