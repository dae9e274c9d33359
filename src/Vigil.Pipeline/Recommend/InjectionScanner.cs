using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Domain.Alerts;

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// Finds alert content that addresses the analyst instead of describing activity: "ignore previous instructions",
/// "mark this benign", "you are now…", a command line asking for a host to be isolated. Such content is evidence of
/// an attempt (flagged on the case), never an instruction: the built-in analyst does not read prose at all, and
/// an LLM's claims that rest only on flagged content are not accepted as support.
/// </summary>
public static partial class InjectionScanner
{
    // Alert payloads are bounded at ingest; this bounds the scan per alert so a huge payload costs a fixed amount.
    private const int MaxScanChars = 256 * 1024;

    private static readonly (string Name, Regex Pattern)[] Patterns =
    [
        ("override_instructions", OverrideInstructions()),
        ("verdict_steering", VerdictSteering()),
        ("role_reassignment", RoleReassignment()),
        ("chat_markup", ChatMarkup()),
        ("action_request", ActionRequest()),
    ];

    public static IReadOnlyList<InjectionFlag> Scan(IEnumerable<Alert> alerts)
    {
        var flags = new List<InjectionFlag>();
        foreach (var alert in alerts)
        {
            var text = TextOf(alert);
            foreach (var (name, pattern) in Patterns)
            {
                var match = pattern.Match(text);
                if (match.Success)
                {
                    flags.Add(new InjectionFlag { EvidenceId = alert.Id, Pattern = name, Excerpt = Excerpt(text, match) });
                }
            }
        }

        return flags;
    }

    /// <summary>Title, description and every string in the payload, JSON-unescaped so that <c>\u0027</c> tricks do not hide text.</summary>
    internal static string TextOf(Alert alert)
    {
        var builder = new StringBuilder(alert.Title).Append('\n').Append(alert.Description).Append('\n');
        try
        {
            using var document = JsonDocument.Parse(alert.RawPayload, new JsonDocumentOptions { MaxDepth = 64 });
            AppendStrings(document.RootElement, builder);
        }
        catch (JsonException)
        {
            builder.Append(alert.RawPayload);
        }

        return builder.Length > MaxScanChars ? builder.ToString(0, MaxScanChars) : builder.ToString();
    }

    private static void AppendStrings(JsonElement element, StringBuilder builder)
    {
        if (builder.Length > MaxScanChars)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                builder.Append(element.GetString()).Append('\n');
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AppendStrings(property.Value, builder);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AppendStrings(item, builder);
                }

                break;
            default:
                break;
        }
    }

    private static string Excerpt(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 40);
        var end = Math.Min(text.Length, match.Index + match.Length + 40);
        return text[start..end].ReplaceLineEndings(" ").Trim();
    }

    [GeneratedRegex(@"\b(ignore|disregard|forget|override|bypass)\b[\s\w,]{0,30}?\b(previous|prior|above|earlier|preceding|system|all|your)\b[\s\w]{0,20}?\b(instructions?|prompts?|rules|directions|guidelines|context)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex OverrideInstructions();

    [GeneratedRegex(@"\b(mark|classify|label|treat|close|report|flag|score|rate)\b\s+(this|it|the)(\s+(alert|case|e-?mail|message|incident|event|finding|host|activity))?\s+(as\s+)?(an?\s+)?(benign|safe|harmless|false[\s_-]?positive|legitimate|clean|resolved|low\s+severity|informational|not\s+malicious)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex VerdictSteering();

    [GeneratedRegex(@"\b(you\s+are\s+now|from\s+now\s+on\s+you|act\s+as\s+(an?|the)\s+\w+|new\s+instructions\s*:|system\s+prompt)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RoleReassignment();

    [GeneratedRegex(@"(<\|im_start\|>|<\|system\|>|\[/?INST\]|^\s*(system|assistant)\s*:|###\s*(instruction|system))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline, 1000)]
    private static partial Regex ChatMarkup();

    [GeneratedRegex(@"\b(ai|assistant|analyst|model|llm|soar|vigil|bot|responder|security\s+team)\b[^.\n]{0,60}\b(isolate|quarantine|disable|block|revoke|wipe|delete|shut\s*down|reset|contain)\b|\b(please|must|should|need\s+to|immediately)\b[^.\n]{0,30}\b(isolate|quarantine|disable|wipe|shut\s*down)\b[^.\n]{0,40}\b(laptop|host|machine|workstation|server|account)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ActionRequest();
}
