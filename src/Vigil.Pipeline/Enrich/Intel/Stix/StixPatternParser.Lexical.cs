using System.Text;

namespace Vigil.Pipeline.Enrich.Intel.Stix;

public sealed partial class StixPatternParser
{
    private static readonly string[] Operators = ["!=", "<=", ">=", "=", "<", ">"];
    private static readonly string[] WordOperators = ["ISSUBSET", "ISSUPERSET", "MATCHES", "EXISTS", "LIKE", "IN"];

    /// <summary>object-type ':' path, where path steps are names, quoted names ('SHA-256') and list indexes ([*], [0]).</summary>
    private (string ObjectType, string Path) ObjectPath()
    {
        SkipSpace();
        var objectType = Identifier("object type");
        Expect(':');
        var path = new StringBuilder();
        while (true)
        {
            if (Peek() == '\'')
            {
                path.Append(Quoted());
            }
            else
            {
                path.Append(Identifier("property name"));
            }

            while (Take('['))
            {
                var close = _text.IndexOf(']', _pos);
                if (close < 0)
                {
                    throw Error("unclosed list index");
                }

                path.Append('[').Append(_text, _pos, close - _pos).Append(']');
                _pos = close + 1;
            }

            if (!Take('.'))
            {
                return (objectType, path.ToString());
            }

            path.Append('.');
        }
    }

    private string Operator()
    {
        SkipSpace();
        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0)
            {
                _pos += op.Length;
                return op;
            }
        }

        foreach (var op in WordOperators)
        {
            if (Keyword(op))
            {
                return op;
            }
        }

        throw Error("expected a comparison operator");
    }

    private List<string?> Set()
    {
        Expect('(');
        var values = new List<string?> { Literal() };
        while (Take(','))
        {
            values.Add(Literal());
        }

        Expect(')');
        return values;
    }

    /// <summary>
    /// A constant. Strings are returned unescaped; other constants (numbers, booleans, t'', h'', b'') are returned
    /// as null because no supported object path compares against them.
    /// </summary>
    private string? Literal()
    {
        SkipSpace();
        var c = Peek();
        if (c == '\'')
        {
            return Quoted();
        }

        if (c is 't' or 'h' or 'b' && _pos + 1 < _text.Length && _text[_pos + 1] == '\'')
        {
            _pos++;
            Quoted();
            return null;
        }

        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '.' or '-' or '+'))
        {
            _pos++;
        }

        return _pos > start ? null : throw Error("expected a constant");
    }

    /// <summary>A single-quoted string; section 9.2 allows exactly two escapes, \' and \\.</summary>
    private string Quoted()
    {
        Expect('\'');
        var value = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == '\'')
            {
                return value.ToString();
            }

            if (c == '\\')
            {
                if (_pos >= _text.Length || _text[_pos] is not ('\'' or '\\'))
                {
                    throw Error("only \\' and \\\\ may be escaped in a string");
                }

                c = _text[_pos++];
            }

            value.Append(c);
        }

        throw Error("unterminated string");
    }

    private string Identifier(string what)
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '-' or '_'))
        {
            _pos++;
        }

        return _pos > start ? _text[start.._pos] : throw Error($"expected {what}");
    }

    private bool Keyword(string word)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
        {
            return false;
        }

        var end = _pos + word.Length;
        if (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] is '_' or '-'))
        {
            return false;
        }

        _pos = end;
        return true;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private bool Take(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            return false;
        }

        _pos++;
        return true;
    }

    private void Expect(char c)
    {
        if (!Take(c))
        {
            throw Error($"expected '{c}'");
        }
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }
}
