using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary><c>ocsf.path: source spec</c>: evaluates the expression and writes its values to the target.</summary>
internal sealed class ValueFieldWriter(TargetPath target, ValueExpression expression, string scopePrefix) : IFieldWriter
{
    public IEnumerable<string> ConsumedPaths =>
        expression.SourcePaths.Select(p => p.FromRoot || scopePrefix.Length == 0 ? p.Text.TrimStart('$', '.')
            : p.Segments.Length == 0 ? scopePrefix
            : $"{scopePrefix}.{p.Text}");

    public void Write(ApplyContext context, JsonElement scope, JsonObject output)
    {
        var values = context.RentValues();
        try
        {
            expression.Evaluate(context, scope, values);
            target.Write(output, values);
        }
        finally
        {
            context.ReturnValues(values);
        }
    }
}
