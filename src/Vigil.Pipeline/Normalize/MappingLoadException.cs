namespace Vigil.Pipeline.Normalize;

/// <summary>A mapping file that cannot be compiled, with where and why: <c>okta.yaml:14:7: 'clas' is not a mapping key</c>.</summary>
public sealed class MappingLoadException : Exception
{
    public MappingLoadException(string file, long line, long column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public MappingLoadException()
        : this("", 0, 0, "mapping error")
    {
    }

    public MappingLoadException(string message)
        : this("", 0, 0, message)
    {
    }

    public MappingLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        Problem = message;
    }

    public string File { get; } = "";

    public long Line { get; }

    public long Column { get; }

    public string Problem { get; } = "";
}
