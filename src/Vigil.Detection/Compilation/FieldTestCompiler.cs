using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Detection.Events;
using Vigil.Detection.Loading;
using Vigil.Detection.Matching;
using Vigil.Detection.Rules;

namespace Vigil.Detection.Compilation;

/// <summary>Compiles one <c>Field|modifiers: values</c> item into a matcher, applying modifiers in order.</summary>
internal static class FieldTestCompiler
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    public static Matcher Compile(SigmaFieldTest test, CompileContext context)
    {
        var line = test.Line;
        var modifiers = test.Modifiers.Select(m => m.ToLowerInvariant()).ToList();
        foreach (var modifier in modifiers)
        {
            if (!Modifiers.Known.Contains(modifier))
            {
                throw new SigmaFormatException($"{Describe(test)}: unknown modifier '{modifier}'", line);
            }
        }

        var field = test.Field is null ? null : context.MapField(test.Field);
        var fieldId = field is null ? -1 : FieldNameTable.GetOrAdd(field);
        var all = modifiers.Contains("all");
        var neq = modifiers.Contains("neq");
        var cased = modifiers.Contains("cased");
        if (all && test.Values.Count == 1 && test.Field is not null)
        {
            // The appendix forbids 'all' on a single value; it is harmless, so accept it as the single test it means.
            all = false;
        }

        Matcher matcher;
        if (modifiers.Contains("exists"))
        {
            matcher = CompileExists(test, fieldId, line);
        }
        else if (test.Values.Any(v => v.IsNull))
        {
            if (test.Values.Count > 1)
            {
                throw new SigmaFormatException($"{Describe(test)}: null cannot be part of a list of values; use its own selection", line);
            }

            matcher = fieldId < 0
                ? throw new SigmaFormatException("a keyword cannot be null", line)
                : new FieldNullMatcher(fieldId);
        }
        else if (modifiers.Contains("fieldref"))
        {
            matcher = CompileFieldRef(test, context, fieldId, modifiers, cased, all);
        }
        else
        {
            var perValue = test.Values.Select(v => CompileValue(test, v, modifiers, cased, context)).ToList();
            matcher = all
                ? new AndMatcher([.. perValue.Select(v => Wrap(fieldId, v))])
                : Wrap(fieldId, PatternMatchers.Any(perValue));
        }

        return neq ? new NotMatcher(matcher) : matcher;
    }

    private static Matcher Wrap(int fieldId, ValueMatcher value) =>
        fieldId < 0 ? new KeywordMatcher(value) : new FieldMatcher(fieldId, value);

    private static FieldExistsMatcher CompileExists(SigmaFieldTest test, int fieldId, int line)
    {
        if (fieldId < 0 || test.Values.Count != 1 || test.Values[0].Kind != SigmaValueKind.Boolean)
        {
            throw new SigmaFormatException($"{Describe(test)}: 'exists' needs a field and a single true/false value", line);
        }

        return new FieldExistsMatcher(fieldId, test.Values[0].Text == "true");
    }

    private static Matcher CompileFieldRef(SigmaFieldTest test, CompileContext context, int fieldId, List<string> modifiers, bool cased, bool all)
    {
        if (fieldId < 0)
        {
            throw new SigmaFormatException("'fieldref' needs a field", test.Line);
        }

        var kind = modifiers.Contains("contains") ? StringKind.Contains
            : modifiers.Contains("startswith") ? StringKind.Prefix
            : modifiers.Contains("endswith") ? StringKind.Suffix
            : StringKind.Exact;
        var comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var refs = test.Values
            .Select(v => (Matcher)new FieldRefMatcher(fieldId, FieldNameTable.GetOrAdd(context.MapField(v.Text)), kind, comparison))
            .ToArray();
        return refs.Length == 1 ? refs[0] : all ? new AndMatcher(refs) : new OrMatcher(refs);
    }

    private static ValueMatcher CompileValue(SigmaFieldTest test, SigmaValue value, List<string> modifiers, bool cased, CompileContext context)
    {
        var line = value.Line;
        if (modifiers.Contains("re"))
        {
            return CompileRegex(test, value, modifiers);
        }

        if (modifiers.Contains("cidr"))
        {
            return CidrValueMatcher.TryCreate(value.Text)
                ?? throw new SigmaFormatException($"{Describe(test)}: '{value.Text}' is not an IP network in CIDR notation", line);
        }

        var numericModifier = modifiers.FirstOrDefault(Modifiers.Numeric.Contains);
        var timePart = modifiers.FirstOrDefault(Modifiers.TimeParts.Contains);
        if (numericModifier is not null || timePart is not null)
        {
            if (!NumericValueMatcher.TryParse(value.Text, out var number))
            {
                throw new SigmaFormatException($"{Describe(test)}: '{value.Text}' is not a number", line);
            }

            var op = numericModifier switch
            {
                "lt" => NumericOperator.Less,
                "lte" => NumericOperator.LessOrEqual,
                "gt" => NumericOperator.Greater,
                "gte" => NumericOperator.GreaterOrEqual,
                _ => NumericOperator.Equal,
            };
            var comparison = new NumericValueMatcher(op, number);
            return timePart is null ? comparison : new TimePartValueMatcher(timePart, comparison);
        }

        var patterns = ExpandPlaceholders(test, value, modifiers.Contains("expand"), context);
        foreach (var modifier in modifiers)
        {
            patterns = PatternTransforms.Apply(modifier, patterns, line);
        }

        if (test.Field is null && patterns.All(p => p.Tokens.Length == 0 || (p.Tokens[0] != PatternToken.Star && p.Tokens[^1] != PatternToken.Star)))
        {
            // Keywords search the whole event text (spec, "Keywords search"), so an unbounded keyword is a substring.
            patterns = [.. patterns.Select(p => p.WithStar(true, true))];
        }

        return PatternMatchers.Any([.. patterns.Select(p => PatternMatchers.For(p, !cased))]);
    }

    private static RegexValueMatcher CompileRegex(SigmaFieldTest test, SigmaValue value, List<string> modifiers)
    {
        var options = RegexOptions.CultureInvariant;
        var reIndex = modifiers.IndexOf("re");
        foreach (var flag in modifiers.Skip(reIndex + 1))
        {
            options |= flag switch
            {
                "i" => RegexOptions.IgnoreCase,
                "m" => RegexOptions.Multiline,
                "s" => RegexOptions.Singleline,
                _ => RegexOptions.None,
            };
        }

        try
        {
            // Backtracking interpreter with a match timeout: constructing a NonBacktracking regex cost up to
            // 240 ms per SigmaHQ rule (measured: 4.1 s of the pack's compile time), the interpreter microseconds.
            return new RegexValueMatcher(new Regex(value.Text, options, RegexTimeout));
        }
        catch (ArgumentException exception)
        {
            throw new SigmaFormatException($"{Describe(test)}: invalid regular expression '{value.Text}': {exception.Message}", value.Line);
        }
    }

    private static List<SigmaPattern> ExpandPlaceholders(SigmaFieldTest test, SigmaValue value, bool expand, CompileContext context)
    {
        if (!expand)
        {
            return [SigmaPattern.Parse(value.Text)];
        }

        // Spec "Placeholders": %name% is a placeholder, \% a plain percent sign.
        var results = new List<string> { "" };
        var text = value.Text;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '%')
            {
                results = [.. results.Select(r => r + "%")];
                i += 2;
                continue;
            }

            if (text[i] == '%' && text.IndexOf('%', i + 1) is var end && end > i)
            {
                var name = text[(i + 1)..end];
                if (!context.Placeholders.TryGetValue(name, out var replacements) || replacements.Count == 0)
                {
                    throw new SigmaFormatException(
                        $"{Describe(test)}: placeholder '%{name}%' has no value; define it under 'placeholders' in a pipeline", value.Line);
                }

                results = [.. results.SelectMany(r => replacements.Select(v => r + v))];
                i = end + 1;
                continue;
            }

            var c = text[i];
            results = [.. results.Select(r => r + c)];
            i++;
        }

        return [.. results.Select(SigmaPattern.Parse)];
    }

    private static string Describe(SigmaFieldTest test) =>
        string.Create(CultureInfo.InvariantCulture, $"'{test.Field ?? ""}{string.Concat(test.Modifiers.Select(m => "|" + m))}'");
}
