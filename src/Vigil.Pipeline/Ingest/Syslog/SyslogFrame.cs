namespace Vigil.Pipeline.Ingest.Syslog;

/// <summary>One message cut from a TCP stream, or what was kept of one that broke the framing or the size limit.</summary>
public readonly record struct SyslogFrame(string Text, string? Error);
