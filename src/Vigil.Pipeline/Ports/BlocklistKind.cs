namespace Vigil.Pipeline.Ports;

/// <summary>The three lists of the blocklist feed, as firewalls consume them (one external dynamic list each).</summary>
public enum BlocklistKind
{
    Ip,
    Domain,
    Url,
}
