using CsCheck;
using Vigil.Detection.Engine;
using Vigil.Detection.Loading;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>Random rule-shaped YAML: loading and compiling report errors, they never crash.</summary>
public sealed class RuleFuzzTests
{
    private static readonly string[] Fragments =
    [
        "title: fuzz", "id: 1", "name: n", "level: high", "level: nope", "status: test", "logsource:", "    product: windows",
        "    category: process_creation", "detection:", "    sel:", "        Image|endswith: '\\x.exe'", "        Cmd|contains|all:",
        "            - a", "            - 'b*'", "        - k", "    condition: sel", "    condition: 1 of sel*", "    condition: not (sel",
        "    condition: sel | count() > 5", "    filter:", "        F|re: '(['", "        F|cidr: 999.1.1.1/99", "        F|base64offset|contains: x",
        "        F|exists: maybe", "        F: null", "        F|expand: '%x%'", "        F|gt: abc", "        F|windash: '-a-b-c-d'",
        "correlation:", "    type: event_count", "filter:", "    rules: [a]", "    selection: {A: 1}", "    condition: selection",
        "---", "- list", "{", "]", "'", "\"", ":", "    ? complex", "&anchor x", "*anchor", "!!binary x", "\t", "",
    ];

    [Fact]
    public void LoadAndCompile_RandomYaml_ReportsErrorsWithoutThrowing() =>
        Gen.Int[0, Fragments.Length - 1].Array[0, 30].Sample(picks =>
        {
            var yaml = string.Join("\n", picks.Select(i => Fragments[i]));

            var loaded = SigmaRuleLoader.LoadText(yaml, "fuzz.yml");
            var engine = SigmaEngine.Compile(loaded);

            Assert.All(loaded.Errors.Concat(engine.Errors), e => Assert.Equal("fuzz.yml", e.File));
        }, iter: 3000);
}
