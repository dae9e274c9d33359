namespace Vigil.Pipeline.Evidence;

public sealed record PackageNote(string Id, string Author, DateTimeOffset At, string Text);
