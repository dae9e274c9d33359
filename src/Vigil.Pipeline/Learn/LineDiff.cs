using System.Text;

namespace Vigil.Pipeline.Learn;

/// <summary>A unified diff of two texts by lines (longest common subsequence), three lines of context per hunk.</summary>
public static class LineDiff
{
    private const int Context = 3;

    public static string Unified(string before, string after, string name)
    {
        var a = before.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var b = after.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        // The edit script: (' ', line), ('-', line), ('+', line) with positions in a and b.
        var script = new List<(char Op, string Line, int A, int B)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                script.Add((' ', a[x], x++, y++));
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                // Removals before additions, as diff(1) prints a changed line.
                script.Add(('-', a[x], x++, y));
            }
            else
            {
                script.Add(('+', b[y], x, y++));
            }
        }

        var text = new StringBuilder().Append("--- a/").Append(name).Append('\n').Append("+++ b/").Append(name).Append('\n');
        var index = 0;
        while (index < script.Count)
        {
            var change = script.FindIndex(index, s => s.Op != ' ');
            if (change < 0)
            {
                break;
            }

            var start = Math.Max(index, change - Context);
            var end = change;
            // Extend the hunk while the next change is within twice the context.
            while (true)
            {
                var next = script.FindIndex(end, s => s.Op != ' ');
                if (next < 0 || next - end > 2 * Context)
                {
                    break;
                }

                end = next;
                while (end < script.Count && script[end].Op != ' ')
                {
                    end++;
                }
            }

            var stop = Math.Min(script.Count, end + Context);
            var hunk = script.GetRange(start, stop - start);
            var aStart = hunk[0].A + 1;
            var bStart = hunk[0].B + 1;
            text.Append("@@ -").Append(aStart).Append(',').Append(hunk.Count(h => h.Op != '+'))
                .Append(" +").Append(bStart).Append(',').Append(hunk.Count(h => h.Op != '-')).Append(" @@\n");
            foreach (var (op, line, _, _) in hunk)
            {
                text.Append(op).Append(line).Append('\n');
            }

            index = stop;
        }

        return text.ToString();
    }
}
