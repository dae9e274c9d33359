using Vigil.Domain.Cases;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Engines;

namespace Vigil.Storage.Cases;

/// <summary>
/// The keyset of every <see cref="CaseSort"/>: its columns in order, always ending with the id so that the order is
/// total and a page boundary never skips or repeats a case. Each has a matching index in the migrations.
/// </summary>
internal static class CaseSorts
{
    private static readonly SortKey IdAsc = new("id", false, SortKeyKind.Id);
    private static readonly SortKey IdDesc = new("id", true, SortKeyKind.Id);

    public static IReadOnlyList<SortKey> Keys(CaseSort sort) => sort switch
    {
        CaseSort.OpenedDesc => [new("opened_at", true, SortKeyKind.Time), IdDesc],
        CaseSort.OpenedAsc => [new("opened_at", false, SortKeyKind.Time), IdAsc],
        CaseSort.SeverityDesc => [new("severity", true, SortKeyKind.Integer), new("sla_due_at", false, SortKeyKind.Time), IdAsc],
        CaseSort.SlaDueAsc => [new("sla_due_at", false, SortKeyKind.Time), IdAsc],
        CaseSort.UpdatedDesc => [new("updated_at", true, SortKeyKind.Time), IdDesc],
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };

    /// <summary>The value of <paramref name="key"/> for a case, as the cursor carries it.</summary>
    public static string CursorValue(SortKey key, Case @case) => key.Column switch
    {
        "opened_at" => Micros(@case.OpenedAt),
        "updated_at" => Micros(@case.UpdatedAt),
        "sla_due_at" => Micros(@case.SlaDueAt),
        "severity" => ((int)@case.Severity).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "id" => @case.Id,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key.Column, null),
    };

    private static string Micros(DateTimeOffset time) => UnixMicros.From(time).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
