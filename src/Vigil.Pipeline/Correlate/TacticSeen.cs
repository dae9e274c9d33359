namespace Vigil.Pipeline.Correlate;

/// <summary>A tactic seen in a case and its techniques; <see cref="Order"/> is the Enterprise kill-chain position (0 = reconnaissance).</summary>
public sealed record TacticSeen(string Id, string ShortName, string Name, int Order, IReadOnlyList<TechniqueSeen> Techniques);
