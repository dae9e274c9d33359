namespace Vigil.Domain.Ledger;

/// <summary>Who did something: a person, an automation stage, a machine holding an API key, or Vigil itself.</summary>
public sealed record Actor(ActorKind Kind, string Id)
{
    public static Actor System { get; } = new(ActorKind.System, "vigil");

    public static Actor Human(string username) => new(ActorKind.Human, username);

    public static Actor Automation(string stage) => new(ActorKind.Automation, stage);

    public static Actor ApiKey(string keyName) => new(ActorKind.ApiKey, keyName);

    public bool IsHuman => Kind == ActorKind.Human;

    /// <summary>"human:alice", "automation:correlator", "apikey:siem-forwarder", "system:vigil".</summary>
    public override string ToString() => string.Concat(KindName(Kind), ":", Id);

    public static Actor Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException($"'{text}' is not an actor (expected kind:id).");
        }

        var kind = text[..colon] switch
        {
            "human" => ActorKind.Human,
            "automation" => ActorKind.Automation,
            "apikey" => ActorKind.ApiKey,
            "system" => ActorKind.System,
            var other => throw new FormatException($"'{other}' is not an actor kind."),
        };
        return new Actor(kind, text[(colon + 1)..]);
    }

    private static string KindName(ActorKind kind) => kind switch
    {
        ActorKind.Human => "human",
        ActorKind.Automation => "automation",
        ActorKind.ApiKey => "apikey",
        ActorKind.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
