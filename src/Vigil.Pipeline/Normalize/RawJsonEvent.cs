using System.Text.Json;

namespace Vigil.Pipeline.Normalize;

/// <summary>One event read from an input: its 1-based position and starting line, the parsed JSON (null when malformed), and its raw text.</summary>
public sealed record RawJsonEvent(int Index, int Line, JsonElement? Element, string Raw, string? Error);
