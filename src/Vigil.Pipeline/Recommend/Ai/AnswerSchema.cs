using System.Text.Json;

namespace Vigil.Pipeline.Recommend.Ai;

/// <summary>The JSON schema the model must answer in (sent as the response format), and its limits.</summary>
public static class AnswerSchema
{
    public const string Name = "vigil_case_assessment";
    public const int MaxClaims = 20;
    public const int MaxActions = 10;
    public const int MaxText = 1_000;

    public const string Json = """
    {
      "type": "object",
      "additionalProperties": false,
      "required": ["summary", "hypothesis", "claims", "proposed_actions"],
      "properties": {
        "summary": {"type": "string", "maxLength": 1000},
        "hypothesis": {
          "type": "object", "additionalProperties": false, "required": ["text", "evidence_ids"],
          "properties": {"text": {"type": "string", "maxLength": 1000}, "evidence_ids": {"type": "array", "items": {"type": "string"}}}
        },
        "claims": {
          "type": "array", "maxItems": 20,
          "items": {
            "type": "object", "additionalProperties": false, "required": ["text", "evidence_ids"],
            "properties": {"text": {"type": "string", "maxLength": 1000}, "evidence_ids": {"type": "array", "items": {"type": "string"}}}
          }
        },
        "proposed_actions": {
          "type": "array", "maxItems": 10,
          "items": {
            "type": "object", "additionalProperties": false, "required": ["type", "inputs", "rationale", "evidence_ids"],
            "properties": {
              "type": {"type": "string"},
              "inputs": {"type": "object", "additionalProperties": {"type": "string"}},
              "rationale": {"type": "string", "maxLength": 1000},
              "evidence_ids": {"type": "array", "items": {"type": "string"}}
            }
          }
        }
      }
    }
    """;

    public static JsonElement Element { get; } = JsonDocument.Parse(Json).RootElement.Clone();
}
