namespace Vigil.Pipeline.Evidence.Controls;

/// <summary>One framework's controls as mapped in <c>content/frameworks/*.yaml</c>.</summary>
public sealed record FrameworkMapping(string Id, string Name, IReadOnlyList<ControlMapping> Controls);
