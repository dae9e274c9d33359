namespace Vigil.Detection.Rules;

/// <summary>What a YAML scalar in a detection meant before any modifier applied.</summary>
public enum SigmaValueKind
{
    /// <summary>A string (quoted, or plain text that is not a number, boolean or null).</summary>
    String,

    /// <summary>A plain integer or decimal number.</summary>
    Number,

    /// <summary>A plain <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A plain <c>null</c>, <c>~</c> or empty value.</summary>
    Null,
}
