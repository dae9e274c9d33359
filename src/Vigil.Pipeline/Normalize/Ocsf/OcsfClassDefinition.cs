using Vigil.Domain.Events;

namespace Vigil.Pipeline.Normalize.Ocsf;

/// <summary>An OCSF 1.8.0 event class with its flattened attributes.</summary>
public sealed record OcsfClassDefinition
{
    public required OcsfClassRef Ref { get; init; }

    /// <summary>The schema's snake_case name, e.g. <c>detection_finding</c>.</summary>
    public required string Name { get; init; }

    public required bool Deprecated { get; init; }

    public required IReadOnlyDictionary<string, OcsfAttribute> Attributes { get; init; }

    public int ClassUid => Ref.ClassUid;

    /// <summary>The activity caption; 0 and 99 are OCSF's universal "Unknown" and "Other".</summary>
    public string? ActivityName(int activityId)
    {
        if (Attributes.TryGetValue("activity_id", out var attribute)
            && attribute.Enum is { } values
            && values.TryGetValue(activityId, out var name))
        {
            return name;
        }

        return activityId switch
        {
            0 => "Unknown",
            99 => "Other",
            _ => null,
        };
    }
}
