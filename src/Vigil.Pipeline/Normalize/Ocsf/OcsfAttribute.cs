namespace Vigil.Pipeline.Normalize.Ocsf;

/// <summary>One attribute of an OCSF class as the 1.8.0 flat extract describes it.</summary>
public sealed record OcsfAttribute
{
    public required string Name { get; init; }

    /// <summary>required, recommended, optional, or profile-only (present only when a profile is applied).</summary>
    public required string Requirement { get; init; }

    /// <summary>A dictionary type (<c>string_t</c>, <c>integer_t</c>…) or an object name (<c>finding_info</c>, <c>user</c>…).</summary>
    public required string Type { get; init; }

    public required bool IsArray { get; init; }

    /// <summary>Enum values when the extract gives them (in 1.8.0 only <c>activity_id</c>).</summary>
    public IReadOnlyDictionary<int, string>? Enum { get; init; }

    public bool IsRequired => Requirement == "required";
}
