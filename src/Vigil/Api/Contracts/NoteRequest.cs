namespace Vigil.Api.Contracts;

internal sealed record NoteRequest
{
    public required string Text { get; init; }
}
