namespace Vigil.Pipeline.Learn;

/// <summary>The outcome of a learning command: done (with the proposal or task), not found, or refused with a reason.</summary>
public sealed record LearnOutcome(bool Done, bool NotFound, string? Refusal, string? Id)
{
    public static LearnOutcome Ok(string id) => new(true, false, null, id);

    public static LearnOutcome Missing(string id) => new(false, true, null, id);

    public static LearnOutcome Refused(string reason) => new(false, false, reason, null);
}
