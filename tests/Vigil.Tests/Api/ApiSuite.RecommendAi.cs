using Vigil.Tests.Recommend;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Fact]
    public async Task RecomputeRecommendation_AiAnswerOutsideCatalogue_RejectedAndRecordedInLedger()
    {
        await using var model = await LoopbackOpenAi.StartAsync(Ct);
        model.Answer("out-of-catalogue");
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Vigil:Ai:Endpoint"] = model.Endpoint,
            ["Vigil:Ai:Model"] = "gpt-4o-mini",
            ["Vigil:Ai:ApiKey"] = "sk-test",
        });
        var caseId = await OpenCaseAsync(host.Admin, "ai-1", "critical");

        var view = await PostOkAsync(host.Admin, $"/api/v1/cases/{caseId}/recommendation", "{}");

        var recommendation = view["recommendation"]!;
        Assert.Equal("builtin/1+llm:gpt-4o-mini", (string)recommendation["model"]!);
        Assert.StartsWith("catalogue: proposed action(s) firewall.shutdown", (string)recommendation["rejections"]![0]!, StringComparison.Ordinal);
        Assert.Single(model.Requests);
        var entries = (await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}/ledger"))["entries"]!.AsArray();
        var rejected = entries.Single(e => (string)e!["kind"]! == "case.ai_answer_rejected")!;
        Assert.Contains("firewall.shutdown", rejected["payload"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(entries, e => (string)e!["kind"]! == "case.recommended");
    }
}
