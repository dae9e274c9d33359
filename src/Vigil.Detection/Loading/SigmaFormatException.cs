namespace Vigil.Detection.Loading;

/// <summary>Thrown while parsing or compiling one rule; carries the offending line for the error report.</summary>
public sealed class SigmaFormatException : Exception
{
    public SigmaFormatException()
    {
    }

    public SigmaFormatException(string message)
        : base(message)
    {
    }

    public SigmaFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SigmaFormatException(string message, int line)
        : base(message) => Line = line;

    /// <summary>1-based line in the rule file, or 0 when unknown.</summary>
    public int Line { get; }
}
