using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Vigil.Pipeline.Evidence.Stream;

/// <summary>
/// The configured ledger-stream receivers (Vigil:Stream:Receivers:NAME:Url, :Secret, :BatchSize). A receiver without an
/// absolute http(s) URL or with a secret shorter than 16 characters is refused at start-up, not skipped.
/// </summary>
public sealed class StreamReceivers(IReadOnlyList<StreamReceiverOptions> receivers)
{
    public const string Section = "Vigil:Stream:Receivers";
    public const int MinSecretLength = 16;

    public IReadOnlyList<StreamReceiverOptions> All => receivers;

    public StreamReceiverOptions? Find(string name) => receivers.FirstOrDefault(r => r.Name == name);

    public static StreamReceivers From(IConfiguration? configuration)
    {
        var list = new List<StreamReceiverOptions>();
        foreach (var section in configuration?.GetSection(Section).GetChildren() ?? [])
        {
            if (!Uri.TryCreate(section["Url"], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                throw new InvalidDataException($"{Section}:{section.Key}:Url must be an absolute http or https URL");
            }

            if (section["Secret"] is not { Length: >= MinSecretLength } secret)
            {
                throw new InvalidDataException($"{Section}:{section.Key}:Secret must hold at least {MinSecretLength} characters (the HMAC key)");
            }

            var batch = int.TryParse(section["BatchSize"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 ? size : 100;
            list.Add(new StreamReceiverOptions { Name = section.Key, Url = url, Secret = secret, BatchSize = batch });
        }

        return new StreamReceivers(list);
    }
}
