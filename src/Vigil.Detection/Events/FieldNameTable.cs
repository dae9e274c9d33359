using System.Collections.Concurrent;

namespace Vigil.Detection.Events;

/// <summary>
/// Interns field names to small integers so that rules and events compare ints, not strings.
/// Names are case-insensitive: Windows renderers disagree on case ("CommandLine" vs "commandline")
/// and Sigma rules in the wild rely on the Windows spelling.
/// </summary>
internal static class FieldNameTable
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SpanIds =
        Ids.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Lock Gate = new();
    private static string[] _names = new string[256];

    public static int GetOrAdd(ReadOnlySpan<char> name)
    {
        if (SpanIds.TryGetValue(name, out var id))
        {
            return id;
        }

        return Add(name.ToString());
    }

    public static int GetOrAdd(string name) => Ids.TryGetValue(name, out var id) ? id : Add(name);

    public static string NameOf(int id) => Volatile.Read(ref _names)[id];

    private static int Add(string name)
    {
        lock (Gate)
        {
            if (Ids.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var id = Ids.Count;
            var names = _names;
            if (id >= names.Length)
            {
                Array.Resize(ref names, names.Length * 2);
            }

            names[id] = name;
            Volatile.Write(ref _names, names);
            Ids[name] = id;
            return id;
        }
    }
}
