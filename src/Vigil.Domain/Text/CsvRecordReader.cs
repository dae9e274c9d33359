using System.Text;

namespace Vigil.Domain.Text;

/// <summary>
/// RFC 4180 records streamed from a reader: quoted fields, doubled quotes, line breaks inside quotes. Blank lines
/// are skipped, and so are lines starting with '#' unless <paramref name="skipComments"/> is false, because exported
/// block lists use them. The one CSV tokenizer for every layer (ATT&amp;CK data, context and intel imports).
/// </summary>
public static class CsvRecordReader
{
    public static IEnumerable<CsvRow> Read(TextReader reader, bool skipComments = true)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var start = line;
            if (text.Length == 0 || (skipComments && text[0] == '#'))
            {
                continue;
            }

            var quoted = false;
            var i = 0;
            while (true)
            {
                if (i == text.Length)
                {
                    if (!quoted)
                    {
                        break;
                    }

                    // A quoted field runs on across the line break (RFC 4180 section 2.6).
                    if (reader.ReadLine() is not { } next)
                    {
                        break;
                    }

                    line++;
                    field.Append('\n');
                    text = next;
                    i = 0;
                    continue;
                }

                var c = text[i++];
                if (quoted)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i < text.Length && text[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            yield return new CsvRow(start, [.. fields]);
            fields.Clear();
        }
    }
}
