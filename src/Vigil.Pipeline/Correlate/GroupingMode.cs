namespace Vigil.Pipeline.Correlate;

/// <summary>What an alert must share with an open case to join it (Sentinel's "all entities / any entity / selected").</summary>
public enum GroupingMode
{
    /// <summary>At least one of the alert's considered entities.</summary>
    Any,

    /// <summary>Every one of the alert's considered entities ("selected" when the rule lists entity types).</summary>
    All,

    /// <summary>Never group: each alert opens its own case.</summary>
    Never,
}
