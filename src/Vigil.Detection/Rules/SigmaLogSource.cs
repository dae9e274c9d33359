namespace Vigil.Detection.Rules;

/// <summary>The <c>logsource</c> section: which kind of log a rule or filter is written for.</summary>
public sealed record SigmaLogSource(string? Product, string? Category, string? Service, string? Definition)
{
    /// <summary>The value of one logsource key (product, category, service), or null.</summary>
    public string? Get(string key) => key switch
    {
        "product" => Product,
        "category" => Category,
        "service" => Service,
        _ => null,
    };
}
