namespace Vigil.Pipeline.Evidence.Controls;

public sealed record FrameworkResult(string Framework, string Name, IReadOnlyList<ControlResult> Controls);
