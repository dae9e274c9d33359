using System.Buffers.Text;
using System.Text;
using Vigil.Domain.Cases;
using Vigil.Pipeline.Ports;

namespace Vigil.Storage.Cases;

/// <summary>
/// The opaque cursor: base64url of the sort, the last case's sort-key values and its id. Opaque so that clients
/// cannot come to depend on its shape; it names its sort so that a cursor from another sort is refused, not misread.
/// </summary>
internal static class CaseCursor
{
    private const char Separator = '\u001f';

    public static string Encode(CaseSort sort, IReadOnlyList<SortKey> keys, Case last)
    {
        var parts = new string[keys.Count + 1];
        parts[0] = sort.ToString();
        for (var i = 0; i < keys.Count; i++)
        {
            parts[i + 1] = CaseSorts.CursorValue(keys[i], last);
        }

        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, parts)));
    }

    /// <summary>The sort-key values in the cursor.</summary>
    /// <exception cref="FormatException">The cursor is malformed or belongs to another sort.</exception>
    public static string[] Decode(string cursor, CaseSort sort, IReadOnlyList<SortKey> keys)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException error)
        {
            throw new FormatException("the cursor is not valid", error);
        }

        var parts = text.Split(Separator);
        if (parts.Length != keys.Count + 1 || parts[0] != sort.ToString())
        {
            throw new FormatException("the cursor is not valid for this sort");
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i].Kind != SortKeyKind.Id && !long.TryParse(parts[i + 1], System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                throw new FormatException("the cursor is not valid");
            }
        }

        return parts[1..];
    }
}
