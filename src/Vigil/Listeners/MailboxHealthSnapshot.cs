namespace Vigil.Listeners;

/// <summary>A moment's view of <see cref="MailboxHealth"/>.</summary>
public sealed record MailboxHealthSnapshot(DateTimeOffset? LastSuccessAt, DateTimeOffset? LastErrorAt, string? LastError, long Messages, long DeadLettered);
