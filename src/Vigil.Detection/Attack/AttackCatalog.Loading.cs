using System.Reflection;

namespace Vigil.Detection.Attack;

public sealed partial class AttackCatalog
{
    private const string ResourcePrefix = "Vigil.Detection.Attack.";
    private const string TacticsFile = "enterprise_tactics_v18.1.csv";
    private const string TechniquesFile = "enterprise_techniques_v18.1.csv";
    private const string RewritesFile = "attack_v18_to_v19_tag_rewrites_observed_in_sigma.csv";

    // The tactic CSV is ordered by TA id, which is not the matrix order: MITRE's Enterprise matrix object
    // (x-mitre-matrix tactic_refs) lists the tactics in this order. Load() checks the data has exactly these.
    private static readonly string[] EnterpriseKillChain =
    [
        "reconnaissance", "resource-development", "initial-access", "execution", "persistence",
        "privilege-escalation", "defense-evasion", "credential-access", "discovery", "lateral-movement",
        "collection", "command-and-control", "exfiltration", "impact",
    ];

    private static readonly Lazy<AttackCatalog> LazyEnterprise = new(LoadEmbedded);

    /// <summary>The catalogue embedded in this assembly (ATT&amp;CK Enterprise v18.1), loaded once on first use.</summary>
    public static AttackCatalog Enterprise => LazyEnterprise.Value;

    /// <summary>
    /// Builds a catalogue from the CSV layout shipped in <c>content/attack</c>. <paramref name="rewrites"/> (the v18→v19
    /// tag pairs seen in SigmaHQ) is optional and only feeds hints for unknown tags.
    /// </summary>
    /// <exception cref="InvalidDataException">A file is malformed; the message names the file and line.</exception>
    public static AttackCatalog Load(TextReader tactics, TextReader techniques, TextReader? rewrites = null)
    {
        var tacticList = ReadTactics(CsvTable.Read(tactics, TacticsFile));
        var byShortName = tacticList.ToDictionary(t => t.ShortName, StringComparer.Ordinal);
        var techniqueList = ReadTechniques(CsvTable.Read(techniques, TechniquesFile), byShortName);
        var hints = rewrites is null
            ? new Dictionary<string, string[]>()
            : ReadRewrites(CsvTable.Read(rewrites, RewritesFile));
        return new AttackCatalog(tacticList, techniqueList, hints);
    }

    private static AttackCatalog LoadEmbedded()
    {
        using var tactics = OpenResource(TacticsFile);
        using var techniques = OpenResource(TechniquesFile);
        using var rewrites = OpenResource(RewritesFile);
        return Load(tactics, techniques, rewrites);
    }

    private static StreamReader OpenResource(string fileName)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourcePrefix}{fileName} is missing from the build");
        return new StreamReader(stream);
    }

    private static List<AttackTactic> ReadTactics(CsvTable table)
    {
        int id = table.Column("tactic_id"), shortName = table.Column("shortname"), name = table.Column("name");
        var tactics = new List<AttackTactic>();
        foreach (var (line, fields) in table.Rows)
        {
            var order = Array.IndexOf(EnterpriseKillChain, fields[shortName]);
            if (order < 0)
            {
                throw new InvalidDataException(
                    $"{TacticsFile}:{line}: tactic '{fields[shortName]}' is not in the Enterprise kill chain");
            }

            tactics.Add(new AttackTactic(fields[id], fields[shortName], fields[name], order));
        }

        if (tactics.Count != EnterpriseKillChain.Length)
        {
            throw new InvalidDataException(
                $"{TacticsFile}: expected the {EnterpriseKillChain.Length} Enterprise tactics, found {tactics.Count}");
        }

        tactics.Sort((a, b) => a.KillChainOrder.CompareTo(b.KillChainOrder));
        return tactics;
    }

    private static List<AttackTechnique> ReadTechniques(CsvTable table, Dictionary<string, AttackTactic> tactics)
    {
        int id = table.Column("technique_id"), name = table.Column("name"), parent = table.Column("parent_id"),
            tacticNames = table.Column("tactics"), platforms = table.Column("platforms"),
            revoked = table.Column("revoked"), deprecated = table.Column("deprecated"), url = table.Column("url");
        var techniques = new List<AttackTechnique>(table.Rows.Count);
        foreach (var (line, fields) in table.Rows)
        {
            var techniqueTactics = new List<AttackTactic>();
            foreach (var shortName in SplitList(fields[tacticNames]))
            {
                techniqueTactics.Add(tactics.TryGetValue(shortName, out var tactic)
                    ? tactic
                    : throw new InvalidDataException($"{TechniquesFile}:{line}: unknown tactic '{shortName}'"));
            }

            techniqueTactics.Sort((a, b) => a.KillChainOrder.CompareTo(b.KillChainOrder));
            techniques.Add(new AttackTechnique
            {
                Id = fields[id],
                Name = fields[name],
                ParentId = fields[parent].Length == 0 ? null : fields[parent],
                Tactics = techniqueTactics,
                Platforms = SplitList(fields[platforms]),
                Revoked = ParseBool(fields[revoked], line),
                Deprecated = ParseBool(fields[deprecated], line),
                Url = new Uri(fields[url], UriKind.Absolute),
            });
        }

        return techniques;
    }

    private static Dictionary<string, string[]> ReadRewrites(CsvTable table)
    {
        int v18 = table.Column("v18_tag"), v19 = table.Column("v19_tag"), count = table.Column("rule_files");
        return table.Rows
            .Select(r => (V18: r.Fields[v18], V19: r.Fields[v19], Count: int.Parse(r.Fields[count], System.Globalization.CultureInfo.InvariantCulture)))
            .GroupBy(r => r.V19, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(r => r.Count).ThenBy(r => r.V18, StringComparer.Ordinal).Select(r => r.V18).ToArray(),
                StringComparer.OrdinalIgnoreCase);
    }

    private static string[] SplitList(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool ParseBool(string value, int line) =>
        bool.TryParse(value, out var result)
            ? result
            : throw new InvalidDataException($"{TechniquesFile}:{line}: expected True or False, found '{value}'");
}
