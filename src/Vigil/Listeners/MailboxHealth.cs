namespace Vigil.Listeners;

/// <summary>How the mailbox poller is doing, for the server to expose: last good poll, last error, counts since start.</summary>
public sealed class MailboxHealth
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastSuccessAt;
    private DateTimeOffset? _lastErrorAt;
    private string? _lastError;
    private long _messages;
    private long _deadLettered;

    public MailboxHealthSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new MailboxHealthSnapshot(_lastSuccessAt, _lastErrorAt, _lastError, _messages, _deadLettered);
        }
    }

    public void Polled(DateTimeOffset at, int messages, int deadLettered)
    {
        lock (_gate)
        {
            _lastSuccessAt = at;
            _messages += messages;
            _deadLettered += deadLettered;
        }
    }

    public void Failed(DateTimeOffset at, string error)
    {
        lock (_gate)
        {
            _lastErrorAt = at;
            _lastError = error;
        }
    }
}
