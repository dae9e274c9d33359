using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vigil.Detection.Parsing;

/// <summary>Replays parsing events read ahead of time (by <see cref="BlockYamlReader"/>) to YamlDotNet's loaders.</summary>
internal sealed class EventListParser(List<ParsingEvent> events) : IParser
{
    private int _next;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        if (_next >= events.Count)
        {
            Current = null;
            return false;
        }

        Current = events[_next++];
        return true;
    }
}
