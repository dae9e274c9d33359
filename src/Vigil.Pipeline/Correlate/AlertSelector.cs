using System.Text.RegularExpressions;
using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Correlate;

/// <summary>
/// Which alerts a grouping rule is for: case-insensitive globs (<c>*</c>, <c>?</c>) on the alert's source, title,
/// rule (the value of its <c>rule</c> entities, e.g. a Sigma rule id) and tags. Every key given must match (one of
/// its patterns); a selector with no keys matches every alert.
/// </summary>
public sealed class AlertSelector
{
    private readonly Regex[] _sources;
    private readonly Regex[] _titles;
    private readonly Regex[] _rules;
    private readonly Regex[] _tags;

    public AlertSelector(IReadOnlyList<string> sources, IReadOnlyList<string> titles, IReadOnlyList<string> rules, IReadOnlyList<string> tags)
    {
        _sources = Compile(sources);
        _titles = Compile(titles);
        _rules = Compile(rules);
        _tags = Compile(tags);
        Description = string.Join(", ", new[] { ("source", sources), ("title", titles), ("rule", rules), ("tag", tags) }
            .Where(part => part.Item2.Count > 0)
            .Select(part => $"{part.Item1} {string.Join(" or ", part.Item2)}"));
    }

    public static AlertSelector Everything { get; } = new([], [], [], []);

    /// <summary>"source phishing_report, tag attack.t1566*", for reasons and listings; empty for <see cref="Everything"/>.</summary>
    public string Description { get; }

    public bool Matches(Alert alert)
    {
        if (_sources.Length > 0 && !AnyMatch(_sources, alert.Source))
        {
            return false;
        }

        if (_titles.Length > 0 && !AnyMatch(_titles, alert.Title))
        {
            return false;
        }

        if (_rules.Length > 0 && !alert.Entities.Any(e => e.Type == EntityType.Rule && AnyMatch(_rules, e.Value)))
        {
            return false;
        }

        return _tags.Length == 0 || alert.Tags.Any(tag => AnyMatch(_tags, tag));
    }

    private static bool AnyMatch(Regex[] patterns, string text)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex[] Compile(IReadOnlyList<string> globs) =>
        [.. globs.Select(glob => new Regex(
            "^" + Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline,
            TimeSpan.FromMilliseconds(50)))];
}
