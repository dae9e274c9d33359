namespace Vigil.Domain.Entities;

/// <summary>The kinds of observable Vigil tracks across alerts and cases.</summary>
public enum EntityType
{
    User,
    Host,
    Ip,
    Domain,
    Url,
    FileHash,
    Email,
    Process,
    CloudAccount,
    ApiToken,
    Repository,
    Service,
    Vulnerability,
    Rule,
}
