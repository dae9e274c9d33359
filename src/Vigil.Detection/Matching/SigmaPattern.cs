using System.Text;

namespace Vigil.Detection.Matching;

/// <summary>
/// A Sigma string after escape processing: literal characters and wildcard tokens kept apart, so that
/// wildcards added later by contains/startswith/endswith can never be confused with escaped ones.
/// </summary>
internal sealed class SigmaPattern
{
    public const string DashCharacters = "-/\u2013\u2014\u2015";

    public SigmaPattern(string chars, PatternToken[] tokens, bool isBytes = false)
    {
        Chars = chars;
        Tokens = tokens;
        IsBytes = isBytes;
    }

    /// <summary>The characters; at wildcard positions the character is a placeholder.</summary>
    public string Chars { get; }

    public PatternToken[] Tokens { get; }

    /// <summary>True when <see cref="Chars"/> holds bytes (one per char) from a utf16 modifier.</summary>
    public bool IsBytes { get; }

    public bool HasWildcards => Tokens.Any(t => t != PatternToken.Literal);

    public static SigmaPattern Literal(string text, bool isBytes = false) => new(text, new PatternToken[text.Length], isBytes);

    /// <summary>
    /// Sigma rules specification, "Escape Character": <c>\</c> escapes <c>*</c>, <c>?</c> and itself; a backslash
    /// before anything else is a plain backslash; a trailing backslash is a plain backslash.
    /// </summary>
    public static SigmaPattern Parse(string raw)
    {
        var chars = new StringBuilder(raw.Length);
        var tokens = new List<PatternToken>(raw.Length);
        var escaped = false;
        foreach (var c in raw)
        {
            if (escaped)
            {
                escaped = false;
                if (c is not ('*' or '?' or '\\'))
                {
                    Add('\\', PatternToken.Literal);
                }

                Add(c, PatternToken.Literal);
                continue;
            }

            switch (c)
            {
                case '\\':
                    escaped = true;
                    break;
                case '*':
                    Add('*', PatternToken.Star);
                    break;
                case '?':
                    Add('?', PatternToken.Question);
                    break;
                default:
                    Add(c, PatternToken.Literal);
                    break;
            }
        }

        if (escaped)
        {
            Add('\\', PatternToken.Literal);
        }

        return new SigmaPattern(chars.ToString(), [.. tokens]);

        void Add(char c, PatternToken token)
        {
            chars.Append(c);
            tokens.Add(token);
        }
    }

    public SigmaPattern WithStar(bool atStart, bool atEnd)
    {
        var needStart = atStart && (Tokens.Length == 0 || Tokens[0] != PatternToken.Star);
        var needEnd = atEnd && (Tokens.Length == 0 || Tokens[^1] != PatternToken.Star);
        if (Tokens.Length == 0 && atStart && atEnd)
        {
            needEnd = false; // contains on '' is a single '*'
        }

        var tokens = new List<PatternToken>(Tokens.Length + 2);
        var chars = new StringBuilder(Chars.Length + 2);
        if (needStart)
        {
            tokens.Add(PatternToken.Star);
            chars.Append('*');
        }

        tokens.AddRange(Tokens);
        chars.Append(Chars);
        if (needEnd)
        {
            tokens.Add(PatternToken.Star);
            chars.Append('*');
        }

        return new SigmaPattern(chars.ToString(), [.. tokens], IsBytes);
    }

    /// <summary>The pattern back in Sigma notation (escaping literal wildcards and backslashes).</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < Chars.Length; i++)
        {
            switch (Tokens[i])
            {
                case PatternToken.Star:
                    builder.Append('*');
                    break;
                case PatternToken.Question:
                    builder.Append('?');
                    break;
                case PatternToken.Dash:
                    builder.Append('-');
                    break;
                default:
                    if (Chars[i] is '*' or '?' or '\\')
                    {
                        builder.Append('\\');
                    }

                    builder.Append(Chars[i]);
                    break;
            }
        }

        return builder.ToString();
    }
}
