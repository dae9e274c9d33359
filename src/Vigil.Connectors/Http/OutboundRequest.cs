using System.Net.Http.Headers;
using System.Text;

namespace Vigil.Connectors.Http;

/// <summary>
/// A request a connector means to send, built before any I/O so that a simulated call can describe it exactly and a
/// real one sends exactly that. Credentials sit in <see cref="Authorization"/> and never appear in
/// <see cref="Describe"/> or <see cref="ToString"/>; a URL that is itself a credential (a Slack or Teams webhook)
/// is marked <see cref="UrlIsSecret"/> and described by its host only.
/// </summary>
public sealed record OutboundRequest
{
    public required HttpMethod Method { get; init; }

    public required Uri Url { get; init; }

    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public AuthenticationHeaderValue? Authorization { get; init; }

    /// <summary>Headers that carry credentials (e.g. AWS's signed <c>Authorization</c> is set here by the signer).</summary>
    public IReadOnlyDictionary<string, string> SecretHeaders { get; init; } = new Dictionary<string, string>();

    public bool UrlIsSecret { get; init; }

    /// <summary>The request without its credentials: method, URL (or only its host when the URL is secret) and body.</summary>
    public string Describe()
    {
        var text = new StringBuilder().Append(Method.Method).Append(' ').Append(DescribeUrl());
        if (Body is not null)
        {
            text.Append(' ').Append(Body);
        }

        return text.ToString();
    }

    public string DescribeUrl() => UrlIsSecret ? $"{Url.Scheme}://{Url.Authority}/(secret path)" : Url.GetLeftPart(UriPartial.Query);

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Url);
        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        foreach (var (name, value) in SecretHeaders)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Authorization is not null)
        {
            message.Headers.Authorization = Authorization;
        }
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return message;
    }

    /// <summary>Never the record's generated member dump: that would print the credentials.</summary>
    public override string ToString() => Describe();
}
