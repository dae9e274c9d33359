using Vigil.Detection.Loading;

namespace Vigil.Detection.Compilation;

/// <summary>
/// Recursive descent over the condition grammar. Precedence, loosest first: or, and, not, "x of", brackets.
/// </summary>
internal sealed class ConditionParser
{
    private readonly List<string> _tokens;
    private readonly string _text;
    private readonly int _line;
    private int _position;

    private ConditionParser(string text, int line)
    {
        _text = text;
        _line = line;
        _tokens = Tokenize(text, line);
    }

    public static ConditionNode Parse(string text, int line)
    {
        var parser = new ConditionParser(text, line);
        if (parser._tokens.Count == 0)
        {
            throw new SigmaFormatException("empty condition", line);
        }

        var node = parser.ParseOr();
        if (parser._position < parser._tokens.Count)
        {
            throw parser.Error($"unexpected '{parser._tokens[parser._position]}'");
        }

        return node;
    }

    private ConditionNode ParseOr()
    {
        var left = ParseAnd();
        while (Accept("or"))
        {
            left = new ConditionOr(left, ParseAnd());
        }

        return left;
    }

    private ConditionNode ParseAnd()
    {
        var left = ParseNot();
        while (Accept("and"))
        {
            left = new ConditionAnd(left, ParseNot());
        }

        return left;
    }

    private ConditionNode ParseNot() => Accept("not") ? new ConditionNot(ParseNot()) : ParsePrimary();

    private ConditionNode ParsePrimary()
    {
        var token = Next("an identifier, 'not', '(' or 'x of'");
        if (token == "(")
        {
            var inner = ParseOr();
            if (!Accept(")"))
            {
                throw Error("missing ')'");
            }

            return inner;
        }

        if (token == ")" || IsKeyword(token))
        {
            throw Error($"unexpected '{token}'");
        }

        if (Peek() is { } next && next.Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            var all = token.Equals("all", StringComparison.OrdinalIgnoreCase);
            if (!all && token is not "1" && !token.Equals("any", StringComparison.OrdinalIgnoreCase))
            {
                throw Error($"'{token} of' is not supported; use '1 of' or 'all of'");
            }

            var target = Next("a search identifier pattern or 'them' after 'of'");
            if (target is "(" or ")" || IsKeyword(target))
            {
                throw Error($"expected a search identifier pattern or 'them' after 'of', found '{target}'");
            }

            return new ConditionQuantifier(all, target.Equals("them", StringComparison.OrdinalIgnoreCase) ? null : target);
        }

        return new ConditionIdentifier(token);
    }

    private static bool IsKeyword(string token) =>
        token.Equals("and", StringComparison.OrdinalIgnoreCase)
        || token.Equals("or", StringComparison.OrdinalIgnoreCase)
        || token.Equals("not", StringComparison.OrdinalIgnoreCase)
        || token.Equals("of", StringComparison.OrdinalIgnoreCase);

    private bool Accept(string keyword)
    {
        if (Peek() is { } token && token.Equals(keyword, StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            return true;
        }

        return false;
    }

    private string? Peek() => _position < _tokens.Count ? _tokens[_position] : null;

    private string Next(string expected) =>
        _position < _tokens.Count ? _tokens[_position++] : throw Error($"condition ends early; expected {expected}");

    private SigmaFormatException Error(string message) =>
        new($"condition '{_text}': {message} (token {_position + 1})", _line);

    private static List<string> Tokenize(string text, int line)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '|')
            {
                throw new SigmaFormatException(
                    $"condition '{text}': aggregations after '|' (count, near, ...) are Sigma 1.0 syntax; express them as a correlation rule", line);
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '|'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }
}
