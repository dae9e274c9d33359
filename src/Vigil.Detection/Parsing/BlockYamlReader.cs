using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vigil.Detection.Parsing;

/// <summary>
/// A fast reader for the plain block-style YAML that Sigma rules are written in (block maps and lists, plain,
/// quoted and literal scalars, comments, <c>---</c> separators). It produces the same parsing events as
/// YamlDotNet's parser, with the same marks, so YamlDotNet's representation model and every error message keep
/// working; anything outside that subset (anchors, tags, flow collections, folded or multi-line scalars, tabs,
/// odd indentation, duplicate keys…) returns null and the file goes to YamlDotNet's parser instead.
/// </summary>
/// <remarks>
/// Why: YamlDotNet's scanner dominated pack loading (0.84 s of CPU for SigmaHQ's 3,745 files on this machine,
/// mostly running as tier-0 JIT code in a fresh process); this reader reads the same files in a small fraction of
/// that. <c>BlockYamlReaderTests</c> holds it to YamlDotNet's event stream over the whole SigmaHQ pack.
/// </remarks>
internal sealed class BlockYamlReader
{
    private readonly string _text;
    private readonly List<(int Start, int End, int Indent)> _lines = [];
    private readonly List<ParsingEvent> _events = [];
    private int _row;
    private int _col;

    private BlockYamlReader(string text)
    {
        _text = text;
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            var indent = start;
            while (indent < contentEnd && text[indent] == ' ')
            {
                indent++;
            }

            _lines.Add((start, contentEnd, indent - start));
            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }
    }

    // Rule loading runs in a fresh process where tiered JIT would keep this parser in unoptimised tier-0 code for
    // most of the pack (measured: 0.98 s cold against 0.27 s warm for SigmaHQ); its methods are compiled optimised at once.

    /// <summary>The parsing events of <paramref name="text"/>, or null when it is not in the subset this reader knows.</summary>
    public static List<ParsingEvent>? TryRead(string text)
    {
        if (text.Length == 0 || text.Contains('\t', StringComparison.Ordinal) || text[0] == '\uFEFF')
        {
            return null;
        }

        var reader = new BlockYamlReader(text);
        try
        {
            reader.ReadStream();
            return reader._events;
        }
        catch (NotInSubsetException)
        {
            return null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadStream()
    {
        var origin = new Mark(0, 1, 1);
        _events.Add(new StreamStart(origin, origin));
        SkipInsignificant();
        var documents = 0;
        while (_row < _lines.Count)
        {
            var isExplicit = IsDocumentMarker(_row);
            var start = MarkAt(_row, _col);
            if (isExplicit)
            {
                _row++;
                SkipInsignificant();
                if (_row >= _lines.Count || IsDocumentMarker(_row))
                {
                    Bail(); // an empty document: rare, left to YamlDotNet
                }
            }
            else if (documents > 0)
            {
                Bail();
            }

            if (Indent(_row) != 0)
            {
                Bail();
            }

            _events.Add(new DocumentStart(null, null, !isExplicit, start, start));
            ReadNode(-1);
            if (_row < _lines.Count && !IsDocumentMarker(_row))
            {
                Bail(); // content left over, e.g. a less indented line YAML would reject
            }

            var end = _row < _lines.Count ? MarkAt(_row, 0) : EndMark();
            _events.Add(new DocumentEnd(true, end, end));
            documents++;
        }

        var last = EndMark();
        _events.Add(new StreamEnd(last, last));
    }

    /// <summary>A node starting at the current position, whose parent sits at <paramref name="parentIndent"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadNode(int parentIndent)
    {
        if (IsSequenceEntry(_row, _col))
        {
            ReadSequence(_col);
        }
        else if (KeyEnd(_row, _col) >= 0)
        {
            ReadMapping(_col);
        }
        else
        {
            ReadInlineValue(_col, parentIndent);
            RequireNotDeeper(parentIndent);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadMapping(int indent)
    {
        var start = MarkAt(_row, _col);
        _events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, start, start));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var colon = KeyEnd(_row, _col);
            if (colon < 0)
            {
                Bail();
            }

            var (lineStart, _, _) = _lines[_row];
            var key = _text[(lineStart + _col)..colon].TrimEnd(' ');
            if (!keys.Add(key))
            {
                Bail(); // YamlDotNet reports duplicate keys as an error; let it
            }

            var keyMark = MarkAt(_row, _col);
            _events.Add(Scalar(key, ScalarStyle.Plain, keyMark, isKey: true));
            var valueCol = colon - lineStart + 1;
            valueCol = SkipSpaces(_row, valueCol);
            if (AtLineEndOrComment(_row, valueCol))
            {
                var emptyMark = MarkAt(_row, colon - lineStart + 1);
                _row++;
                SkipInsignificant();
                if (_row < _lines.Count && Indent(_row) > indent && !IsDocumentMarker(_row))
                {
                    ReadNode(indent);
                }
                else if (_row < _lines.Count && Indent(_row) == indent && IsSequenceEntry(_row, indent))
                {
                    ReadSequence(indent);
                }
                else
                {
                    _events.Add(Scalar("", ScalarStyle.Plain, emptyMark));
                }
            }
            else
            {
                ReadInlineValue(valueCol, indent);
            }

            if (ClosesBlock(indent))
            {
                break;
            }
        }

        var end = CurrentMark();
        _events.Add(new MappingEnd(end, end));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadSequence(int indent)
    {
        var start = MarkAt(_row, _col);
        _events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, start, start));
        while (true)
        {
            var itemCol = SkipSpaces(_row, _col + 1);
            if (AtLineEndOrComment(_row, itemCol) || itemCol == _col + 1)
            {
                Bail(); // an item on the following lines, or "-x": left to YamlDotNet
            }

            _col = itemCol;
            if (IsSequenceEntry(_row, itemCol))
            {
                Bail(); // "- - a"
            }

            if (KeyEnd(_row, itemCol) >= 0)
            {
                // "- key: value" opens a map whose keys align with the first one.
                ReadMapping(itemCol);
            }
            else
            {
                ReadInlineValue(itemCol, indent);
            }

            if (ClosesBlock(indent) || !IsSequenceEntry(_row, indent))
            {
                break; // the next key of a map that holds this list at its own indentation
            }
        }

        var end = CurrentMark();
        _events.Add(new SequenceEnd(end, end));
    }

    /// <summary>
    /// A scalar starting at <paramref name="col"/> of the current row, owned by a key or entry at <paramref name="owner"/>;
    /// moves to the next significant row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadInlineValue(int col, int owner)
    {
        var (lineStart, lineEnd, _) = _lines[_row];
        var p = lineStart + col;
        var c = _text[p];
        var mark = MarkAt(_row, col);
        switch (c)
        {
            case '\'':
                _events.Add(Scalar(ReadSingleQuoted(p + 1, lineEnd, out var after), ScalarStyle.SingleQuoted, mark));
                RequireLineRestEmpty(after, lineEnd);
                break;
            case '"':
                _events.Add(Scalar(ReadDoubleQuoted(p + 1, lineEnd, out var afterDouble), ScalarStyle.DoubleQuoted, mark));
                RequireLineRestEmpty(afterDouble, lineEnd);
                break;
            case '|':
                _events.Add(Scalar(ReadLiteral(p + 1, lineEnd, owner), ScalarStyle.Literal, mark));
                return; // ReadLiteral leaves the cursor on the row after the block
            case '>' or '[' or '{' or ']' or '}' or ',' or '&' or '*' or '!' or '%' or '@' or '`' or '#':
                Bail();
                break;
            default:
                if (c is '-' or '?' or ':' && (p + 1 >= lineEnd || _text[p + 1] == ' '))
                {
                    Bail();
                }

                var end = p;
                while (end < lineEnd && !(_text[end] == '#' && _text[end - 1] == ' '))
                {
                    end++;
                }

                var value = _text[p..end].TrimEnd(' ');
                if (value.EndsWith(':') || value.Contains(": ", StringComparison.Ordinal))
                {
                    Bail();
                }

                _events.Add(Scalar(value, ScalarStyle.Plain, mark));
                break;
        }

        _row++;
        SkipInsignificant();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string ReadSingleQuoted(int p, int lineEnd, out int after)
    {
        var value = new StringBuilder();
        while (p < lineEnd)
        {
            if (_text[p] == '\'')
            {
                if (p + 1 < lineEnd && _text[p + 1] == '\'')
                {
                    value.Append('\'');
                    p += 2;
                    continue;
                }

                after = p + 1;
                return value.ToString();
            }

            value.Append(_text[p++]);
        }

        after = p;
        return Bail<string>(); // continues on the next line: folding is left to YamlDotNet
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string ReadDoubleQuoted(int p, int lineEnd, out int after)
    {
        var value = new StringBuilder();
        while (p < lineEnd)
        {
            var c = _text[p];
            if (c == '"')
            {
                after = p + 1;
                return value.ToString();
            }

            if (c != '\\')
            {
                value.Append(c);
                p++;
                continue;
            }

            if (p + 1 >= lineEnd)
            {
                break;
            }

            var escape = _text[p + 1];
            p += 2;
            switch (escape)
            {
                case '\\' or '"' or '/' or ' ':
                    value.Append(escape);
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'r':
                    value.Append('\r');
                    break;
                case '0':
                    value.Append('\0');
                    break;
                case 'x' or 'u':
                    var digits = escape == 'x' ? 2 : 4;
                    var code = 0;
                    if (p + digits > lineEnd
                        || !int.TryParse(_text.AsSpan(p, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code)
                        || code is >= 0xD800 and <= 0xDFFF)
                    {
                        Bail();
                    }

                    value.Append((char)code);
                    p += digits;
                    break;
                default:
                    Bail();
                    break;
            }
        }

        after = p;
        return Bail<string>();
    }

    /// <summary>A literal block scalar (<c>|</c>, <c>|-</c>, <c>|+</c>) whose header ends at <paramref name="lineEnd"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string ReadLiteral(int p, int lineEnd, int owner)
    {
        var chomp = ' ';
        if (p < lineEnd && _text[p] is '-' or '+')
        {
            chomp = _text[p++];
        }

        RequireLineRestEmpty(p, lineEnd);
        _row++;
        if (_row >= _lines.Count || IsBlank(_row) || Indent(_row) <= owner)
        {
            Bail(); // empty or leading-blank block scalars: left to YamlDotNet
        }

        var indent = Indent(_row);
        var lines = new List<string>();
        while (_row < _lines.Count)
        {
            var (start, end, _) = _lines[_row];
            if (IsBlank(_row))
            {
                if (end - start > indent)
                {
                    Bail(); // spaces beyond the indentation on an empty line
                }

                lines.Add("");
                _row++;
                continue;
            }

            var rowIndent = Indent(_row);
            if (rowIndent < indent)
            {
                if (rowIndent > owner && !IsComment(_row))
                {
                    Bail();
                }

                break;
            }

            lines.Add(_text[(start + indent)..end]);
            _row++;
        }

        if (_row >= _lines.Count && !_text.EndsWith('\n'))
        {
            Bail(); // the last line has no line break: chomping differs
        }

        var trailing = 0;
        while (trailing < lines.Count && lines[^(trailing + 1)].Length == 0)
        {
            trailing++;
        }

        var body = string.Join('\n', lines.Take(lines.Count - trailing));
        var result = chomp switch
        {
            '-' => body,
            '+' => body + new string('\n', trailing + 1),
            _ => body + "\n",
        };
        SkipInsignificant();
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RequireLineRestEmpty(int p, int lineEnd)
    {
        if (p < lineEnd && _text[p] != ' ')
        {
            Bail();
        }

        while (p < lineEnd && _text[p] == ' ')
        {
            p++;
        }

        if (p < lineEnd && _text[p] != '#')
        {
            Bail();
        }
    }

    /// <summary>
    /// True when the current row ends the block at <paramref name="indent"/>; otherwise the row continues it (a deeper
    /// row, a continuation or a syntax error, is left to YamlDotNet).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ClosesBlock(int indent)
    {
        if (_row >= _lines.Count || IsDocumentMarker(_row) || Indent(_row) < indent)
        {
            return true;
        }

        if (Indent(_row) > indent)
        {
            Bail();
        }

        _col = indent;
        return false;
    }

    /// <summary>After a scalar, a deeper row would be a continuation or a syntax error: both are YamlDotNet's to judge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RequireNotDeeper(int indent)
    {
        if (_row < _lines.Count && !IsDocumentMarker(_row) && Indent(_row) > indent)
        {
            Bail();
        }
    }

    /// <summary>The position of the ':' ending a plain key at <paramref name="col"/>, or -1 when the row holds no key there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int KeyEnd(int row, int col)
    {
        var (start, end, _) = _lines[row];
        var p = start + col;
        if (p >= end || _text[p] is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
        {
            return -1;
        }

        for (var i = p; i < end; i++)
        {
            var c = _text[i];
            if (c == ':' && (i + 1 == end || _text[i + 1] == ' '))
            {
                return i;
            }

            if (c == '#' && _text[i - 1] == ' ')
            {
                return -1;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsSequenceEntry(int row, int col)
    {
        var (start, end, _) = _lines[row];
        var p = start + col;
        return p < end && _text[p] == '-' && (p + 1 == end || _text[p + 1] == ' ');
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsDocumentMarker(int row)
    {
        var (start, end, _) = _lines[row];
        if (end - start >= 3 && string.CompareOrdinal(_text, start, "...", 0, 3) == 0)
        {
            Bail();
        }

        return end - start >= 3 && string.CompareOrdinal(_text, start, "---", 0, 3) == 0
            && (end - start == 3 ? true : Bail<bool>());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AtLineEndOrComment(int row, int col)
    {
        var (start, end, _) = _lines[row];
        return start + col >= end || _text[start + col] == '#';
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SkipSpaces(int row, int col)
    {
        var (start, end, _) = _lines[row];
        while (start + col < end && _text[start + col] == ' ')
        {
            col++;
        }

        return col;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Indent(int row) => _lines[row].Indent;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsBlank(int row)
    {
        var (start, end, _) = _lines[row];
        return start + Indent(row) == end;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsComment(int row)
    {
        var (start, end, _) = _lines[row];
        var p = start + Indent(row);
        return p < end && _text[p] == '#';
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SkipInsignificant()
    {
        while (_row < _lines.Count && (IsBlank(_row) || IsComment(_row)))
        {
            _row++;
        }

        _col = _row < _lines.Count ? Indent(_row) : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Mark MarkAt(int row, int col) => new(_lines[row].Start + col, row + 1, col + 1);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Mark CurrentMark() => _row < _lines.Count ? MarkAt(_row, _col) : EndMark();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Mark EndMark() => MarkAt(_lines.Count - 1, _lines[^1].End - _lines[^1].Start);

    private static YamlDotNet.Core.Events.Scalar Scalar(string value, ScalarStyle style, Mark mark, bool isKey = false) =>
        new(AnchorName.Empty, TagName.Empty, value, style, style == ScalarStyle.Plain, style != ScalarStyle.Plain, mark, mark, isKey);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Bail() => throw new NotInSubsetException();

    private static T Bail<T>() => throw new NotInSubsetException();

    private sealed class NotInSubsetException : Exception;
}
