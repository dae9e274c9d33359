namespace Vigil.Hosting;

/// <summary>
/// <c>Vigil:Ai</c>: an optional OpenAI-compatible chat endpoint for the AI analyst. Off unless Endpoint and Model are
/// both set; the key may be empty for a local server (Ollama, vLLM).
/// </summary>
internal sealed record AiOptions
{
    public const string Section = "Vigil:Ai";

    /// <summary>Base URL including the API version path, e.g. <c>https://api.openai.com/v1</c> or <c>http://127.0.0.1:11434/v1</c>.</summary>
    public string? Endpoint { get; init; }

    public string? Model { get; init; }

    public string? ApiKey { get; init; }

    /// <summary>How long one completion may take before the built-in analyst answers alone.</summary>
    public int TimeoutSeconds { get; init; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);
}
