using System.Text.Json;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>
/// Scratch state for applying one mapping to one event: reusable lists (rented per thread, so the hot path
/// does not allocate them per event) and what the event taught us about drift and failures.
/// </summary>
internal sealed class ApplyContext
{
    [ThreadStatic]
    private static ApplyContext? _cached;

    private readonly Stack<List<MappedValue>> _valueLists = new();
    private readonly Stack<List<JsonElement>> _elementLists = new();

    public JsonElement Root { get; private set; }

    public List<string>? Missing { get; private set; }

    public List<RetypedField>? Retyped { get; private set; }

    public List<string>? Problems { get; private set; }

    public static ApplyContext Rent(JsonElement root)
    {
        var context = _cached ?? new ApplyContext();
        _cached = null;
        context.Root = root;
        return context;
    }

    public static void Return(ApplyContext context)
    {
        context.Root = default;
        context.Missing = null;
        context.Retyped = null;
        context.Problems = null;
        _cached = context;
    }

    public List<MappedValue> RentValues() => _valueLists.TryPop(out var list) ? list : new List<MappedValue>(4);

    public void ReturnValues(List<MappedValue> list)
    {
        list.Clear();
        _valueLists.Push(list);
    }

    public List<JsonElement> RentElements() => _elementLists.TryPop(out var list) ? list : new List<JsonElement>(4);

    public void ReturnElements(List<JsonElement> list)
    {
        list.Clear();
        _elementLists.Push(list);
    }

    public void AddMissing(string path)
    {
        Missing ??= [];
        if (!Missing.Contains(path))
        {
            Missing.Add(path);
        }
    }

    public void AddRetyped(string path, string expected, string actual)
    {
        Retyped ??= [];
        Retyped.Add(new RetypedField(path, expected, actual));
    }

    public void AddProblem(string problem) => (Problems ??= []).Add(problem);
}
