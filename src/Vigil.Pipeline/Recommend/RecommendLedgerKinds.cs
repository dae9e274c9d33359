namespace Vigil.Pipeline.Recommend;

/// <summary>Ledger kinds the recommend stage writes. Stable names: audits key on them.</summary>
public static class RecommendLedgerKinds
{
    /// <summary>A recommendation was stored: model, input digest, output and verification result.</summary>
    public const string Recommended = "case.recommended";

    /// <summary>Alert content tried to instruct the analyst; the attempt and its evidence.</summary>
    public const string InjectionFlagged = "case.injection_flagged";

    /// <summary>An AI answer was refused (schema, catalogue, transport) and not used.</summary>
    public const string AiAnswerRejected = "case.ai_answer_rejected";
}
