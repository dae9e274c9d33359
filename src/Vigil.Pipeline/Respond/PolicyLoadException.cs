namespace Vigil.Pipeline.Respond;

/// <summary>A policy file that cannot be loaded, with every problem found (file, line, what).</summary>
public sealed class PolicyLoadException(IReadOnlyList<string> problems)
    : Exception($"the action policy has {problems.Count} problem(s):\n  {string.Join("\n  ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
