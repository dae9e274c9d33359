namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>The kinds of indicator Vigil can match against entities.</summary>
public enum IndicatorType
{
    Ip,
    Cidr,
    Domain,
    Url,
    Md5,
    Sha1,
    Sha256,
    Email,
}
