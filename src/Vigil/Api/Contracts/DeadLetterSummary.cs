using Vigil.Domain.DeadLetters;

namespace Vigil.Api.Contracts;

/// <summary>A dead letter without its payload (which may be megabytes); fetch one by id to see it.</summary>
internal sealed record DeadLetterSummary(
    string Id, string Source, string Channel, DateTimeOffset ReceivedAt, string Reason, DeadLetterStatus Status, int PayloadChars, string? ContentType)
{
    public static DeadLetterSummary From(DeadLetter letter) =>
        new(letter.Id, letter.Source, letter.Channel, letter.ReceivedAt, letter.Reason, letter.Status, letter.Payload.Length, letter.ContentType);
}
