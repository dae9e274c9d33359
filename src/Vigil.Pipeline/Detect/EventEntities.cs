using Vigil.Detection.Events;
using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Detect;

/// <summary>
/// Entities read straight from a log event's common field names, for events no source mapping normalises (Sysmon
/// registry events, for one, have no OCSF class). Names follow the Windows event log, Sysmon and ECS.
/// </summary>
public static class EventEntities
{
    private static readonly (string Field, EntityType Type)[] Fields =
    [
        ("Hostname", EntityType.Host), ("Computer", EntityType.Host), ("ComputerName", EntityType.Host), ("host.name", EntityType.Host),
        ("User", EntityType.User), ("SubjectUserName", EntityType.User), ("TargetUserName", EntityType.User), ("user.name", EntityType.User),
        ("SourceIp", EntityType.Ip), ("DestinationIp", EntityType.Ip), ("IpAddress", EntityType.Ip), ("source.ip", EntityType.Ip), ("destination.ip", EntityType.Ip),
        ("QueryName", EntityType.Domain), ("DestinationHostname", EntityType.Domain),
        ("CommandLine", EntityType.Process),
    ];

    /// <summary>Adds to <paramref name="into"/> every entity the event names that is not there yet.</summary>
    public static void AddTo(SigmaEvent sigmaEvent, List<Entity> into)
    {
        foreach (var (field, type) in Fields)
        {
            // A machine account (WS-12$) is the host acting, which the host entity already says.
            if (sigmaEvent.GetValue(field) is { } value && !(type == EntityType.User && value.EndsWith('$'))
                && Entity.TryCreate(type, value, out var entity) && !into.Contains(entity))
            {
                into.Add(entity);
            }
        }
    }
}
