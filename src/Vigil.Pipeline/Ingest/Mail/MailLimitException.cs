namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>A reported message went past one of <see cref="MailLimits"/>; the message names the bound.</summary>
public sealed class MailLimitException(string message) : Exception(message);
