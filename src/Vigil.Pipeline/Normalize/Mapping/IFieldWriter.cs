using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>A compiled entry of a mapping's <c>fields:</c> table.</summary>
internal interface IFieldWriter
{
    /// <summary>Source paths this writer consumes, relative to the event root (each-block paths prefixed).</summary>
    IEnumerable<string> ConsumedPaths { get; }

    void Write(ApplyContext context, JsonElement scope, JsonObject output);
}
