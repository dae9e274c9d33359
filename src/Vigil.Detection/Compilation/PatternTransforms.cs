using System.Text;
using Vigil.Detection.Loading;
using Vigil.Detection.Matching;

namespace Vigil.Detection.Compilation;

/// <summary>Transformation modifiers: they turn one Sigma string into one or more others.</summary>
internal static class PatternTransforms
{
    // Beyond this many dash characters a value matches dashes as a character class instead of
    // enumerating 5^n permutations.
    private const int MaxExpandedDashes = 2;

    public static List<SigmaPattern> Apply(string modifier, List<SigmaPattern> patterns, int line) => modifier switch
    {
        "contains" => [.. patterns.Select(p => p.WithStar(true, true))],
        "startswith" => [.. patterns.Select(p => p.WithStar(false, true))],
        "endswith" => [.. patterns.Select(p => p.WithStar(true, false))],
        "base64" => [.. patterns.Select(p => SigmaPattern.Literal(Convert.ToBase64String(Bytes(p, modifier, line))))],
        "base64offset" => [.. patterns.SelectMany(p => Base64Offsets(Bytes(p, modifier, line)))],
        "utf16le" or "wide" => [.. patterns.Select(p => Encode(p, Encoding.Unicode, false, modifier, line))],
        "utf16be" => [.. patterns.Select(p => Encode(p, Encoding.BigEndianUnicode, false, modifier, line))],
        "utf16" => [.. patterns.Select(p => Encode(p, Encoding.Unicode, true, modifier, line))],
        "windash" => [.. patterns.SelectMany(WinDash)],
        _ => patterns,
    };

    private static byte[] Bytes(SigmaPattern pattern, string modifier, int line)
    {
        if (pattern.HasWildcards)
        {
            throw new SigmaFormatException($"'{modifier}' cannot encode a value with wildcards ('{pattern}'); put contains/startswith/endswith after it", line);
        }

        return pattern.IsBytes ? Encoding.Latin1.GetBytes(pattern.Chars) : Encoding.UTF8.GetBytes(pattern.Chars);
    }

    private static SigmaPattern Encode(SigmaPattern pattern, Encoding encoding, bool bom, string modifier, int line)
    {
        if (pattern.HasWildcards)
        {
            throw new SigmaFormatException($"'{modifier}' cannot encode a value with wildcards ('{pattern}')", line);
        }

        var bytes = encoding.GetBytes(pattern.Chars);
        if (bom)
        {
            bytes = [0xFF, 0xFE, .. bytes];
        }

        return SigmaPattern.Literal(Encoding.Latin1.GetString(bytes), isBytes: true);
    }

    /// <summary>
    /// The three shifts of a value inside a larger base64 string: encode with 0, 1 or 2 leading bytes,
    /// then drop the characters that depend on the unknown neighbours.
    /// </summary>
    private static IEnumerable<SigmaPattern> Base64Offsets(byte[] value)
    {
        int[] startOffsets = [0, 2, 3];
        for (var shift = 0; shift < 3; shift++)
        {
            var padded = new byte[shift + value.Length];
            value.CopyTo(padded, shift);
            var encoded = Convert.ToBase64String(padded);
            var end = ((value.Length + shift) % 3) switch
            {
                1 => encoded.Length - 3,
                2 => encoded.Length - 2,
                _ => encoded.Length,
            };
            var start = startOffsets[shift];
            if (end > start)
            {
                yield return SigmaPattern.Literal(encoded[start..end]);
            }
        }
    }

    private static IEnumerable<SigmaPattern> WinDash(SigmaPattern pattern)
    {
        var positions = new List<int>();
        for (var i = 0; i < pattern.Tokens.Length; i++)
        {
            if (pattern.Tokens[i] == PatternToken.Literal && SigmaPattern.DashCharacters.Contains(pattern.Chars[i], StringComparison.Ordinal))
            {
                positions.Add(i);
            }
        }

        if (positions.Count == 0)
        {
            yield return pattern;
            yield break;
        }

        if (positions.Count > MaxExpandedDashes)
        {
            var tokens = (PatternToken[])pattern.Tokens.Clone();
            foreach (var position in positions)
            {
                tokens[position] = PatternToken.Dash;
            }

            yield return new SigmaPattern(pattern.Chars, tokens, pattern.IsBytes);
            yield break;
        }

        var total = (int)Math.Pow(SigmaPattern.DashCharacters.Length, positions.Count);
        for (var n = 0; n < total; n++)
        {
            var chars = pattern.Chars.ToCharArray();
            var rest = n;
            foreach (var position in positions)
            {
                chars[position] = SigmaPattern.DashCharacters[rest % SigmaPattern.DashCharacters.Length];
                rest /= SigmaPattern.DashCharacters.Length;
            }

            yield return new SigmaPattern(new string(chars), pattern.Tokens, pattern.IsBytes);
        }
    }
}
