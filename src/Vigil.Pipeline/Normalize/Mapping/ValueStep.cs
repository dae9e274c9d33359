namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>One compiled transform: rewrites the values in place (map, lower, split, time…).</summary>
internal delegate void ValueStep(List<MappedValue> values, ApplyContext context);
