namespace Vigil.Domain.Ledger;

public enum ActorKind
{
    Human,
    Automation,
    ApiKey,
    System,
}
