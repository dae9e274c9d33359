namespace Vigil.Detection.Compilation;

/// <summary>Parsed condition expression (Sigma rules specification, "Condition").</summary>
internal abstract record ConditionNode;

internal sealed record ConditionAnd(ConditionNode Left, ConditionNode Right) : ConditionNode;

internal sealed record ConditionOr(ConditionNode Left, ConditionNode Right) : ConditionNode;

internal sealed record ConditionNot(ConditionNode Operand) : ConditionNode;

internal sealed record ConditionIdentifier(string Name) : ConditionNode;

/// <summary><c>1 of x*</c> / <c>all of x*</c>; a null pattern means <c>them</c>.</summary>
internal sealed record ConditionQuantifier(bool All, string? Pattern) : ConditionNode;
