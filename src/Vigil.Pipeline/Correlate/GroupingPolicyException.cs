namespace Vigil.Pipeline.Correlate;

/// <summary>A grouping policy that cannot be loaded, with every problem found (file, line, what).</summary>
public sealed class GroupingPolicyException(IReadOnlyList<string> problems)
    : Exception($"the grouping policy has {problems.Count} problem(s):\n  {string.Join("\n  ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
