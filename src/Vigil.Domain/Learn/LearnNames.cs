namespace Vigil.Domain.Learn;

/// <summary>Wire names (snake_case) for learning enums, shared by API, CLI and storage.</summary>
public static class LearnNames
{
    public static string ToWire(this TuningStatus status) => status switch
    {
        TuningStatus.Proposed => "proposed",
        TuningStatus.Accepted => "accepted",
        TuningStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ToWire(this LearningTaskKind kind) => kind switch
    {
        LearningTaskKind.DecideTuning => "decide_tuning",
        LearningTaskKind.SaveScenario => "save_scenario",
        LearningTaskKind.NewDetection => "new_detection",
        LearningTaskKind.RunbookEdit => "runbook_edit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ToWire(this LearningTaskStatus status) => status switch
    {
        LearningTaskStatus.Open => "open",
        LearningTaskStatus.Done => "done",
        LearningTaskStatus.Dropped => "dropped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static TuningStatus ParseTuningStatus(string text) => Parse<TuningStatus>(text, ToWire);

    public static LearningTaskKind ParseTaskKind(string text) => Parse<LearningTaskKind>(text, ToWire);

    public static LearningTaskStatus ParseTaskStatus(string text) => Parse<LearningTaskStatus>(text, ToWire);

    private static T Parse<T>(string text, Func<T, string> wire)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(wire(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new FormatException($"'{text}' is not a {typeof(T).Name}");
    }
}
