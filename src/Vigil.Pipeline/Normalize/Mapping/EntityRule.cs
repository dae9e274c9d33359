using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>One <c>entities:</c> entry: the values of an expression become entities of a type (invalid values are skipped).</summary>
internal sealed record EntityRule(EntityType Type, ValueExpression Expression);
