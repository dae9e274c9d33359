namespace Vigil.Domain.Actions;

/// <summary>
/// The set of actions Vigil can take. Building one checks the rules that keep automation safe, so an unsafe
/// catalogue cannot be loaded at all: an irreversible action, or one without a rollback, is never automatic;
/// anything with a blast radius beyond one object needs a person; rollbacks must themselves be defined.
/// </summary>
public sealed class ActionCatalogue
{
    private readonly Dictionary<string, ActionDefinition> _byType;

    private ActionCatalogue(Dictionary<string, ActionDefinition> byType) => _byType = byType;

    public IReadOnlyCollection<ActionDefinition> Actions => _byType.Values;

    public bool TryGet(string type, out ActionDefinition definition) => _byType.TryGetValue(type, out definition!);

    public bool Contains(string type) => _byType.ContainsKey(type);

    /// <summary>Builds a catalogue, or returns every rule the definitions break.</summary>
    public static ActionCatalogue Create(IEnumerable<ActionDefinition> definitions, out IReadOnlyList<string> problems)
    {
        var list = new List<string>();
        var byType = new Dictionary<string, ActionDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (!byType.TryAdd(definition.Type, definition))
            {
                list.Add($"{definition.Type}: defined twice");
            }
        }

        foreach (var definition in byType.Values)
        {
            list.AddRange(Check(definition, byType));
        }

        problems = list;
        return new ActionCatalogue(byType);
    }

    private static IEnumerable<string> Check(ActionDefinition definition, Dictionary<string, ActionDefinition> all)
    {
        var automatic = definition.Level == AutomationLevel.Automatic;
        var disruptive = definition.BlastRadius >= BlastRadius.Medium;
        if (automatic && definition.Irreversible)
        {
            yield return $"{definition.Type}: irreversible actions can never be automatic";
        }

        if (automatic && disruptive && definition.Rollback is null)
        {
            yield return $"{definition.Type}: a disruptive action without a rollback can never be automatic";
        }

        if (automatic && definition.BlastRadius >= BlastRadius.High)
        {
            yield return $"{definition.Type}: blast radius {definition.BlastRadius} needs at least one human approval";
        }

        if (definition.BlastRadius == BlastRadius.Critical && definition.Level != AutomationLevel.TwoPersonApproval)
        {
            yield return $"{definition.Type}: critical blast radius needs two-person approval";
        }

        if (definition.Irreversible && definition.Rollback is not null)
        {
            yield return $"{definition.Type}: declared irreversible but names rollback {definition.Rollback}";
        }

        if (disruptive && !definition.Irreversible && definition.Rollback is null)
        {
            yield return $"{definition.Type}: a disruptive action must name its rollback or be declared irreversible";
        }

        if (definition.Rollback is { } rollback && !all.ContainsKey(rollback))
        {
            yield return $"{definition.Type}: rollback {rollback} is not in the catalogue";
        }

        if (definition.ApprovalWindow <= TimeSpan.Zero)
        {
            yield return $"{definition.Type}: approval window must be positive";
        }
    }
}
