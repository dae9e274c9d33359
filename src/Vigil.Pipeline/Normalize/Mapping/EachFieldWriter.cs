using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>
/// <c>ocsf.array[]: { each: source.array[], when: [...], fields: {...} }</c>: one OCSF object per source element
/// (that satisfies <c>when</c>), its fields read relative to the element.
/// </summary>
internal sealed class EachFieldWriter(TargetPath target, FieldPath each, string eachPathFromRoot, Condition[] when, IFieldWriter[] fields) : IFieldWriter
{
    public IEnumerable<string> ConsumedPaths =>
        fields.SelectMany(f => f.ConsumedPaths).Concat(when.Select(c => $"{eachPathFromRoot}.{c.Path.Text}"));

    public void Write(ApplyContext context, JsonElement scope, JsonObject output)
    {
        var elements = context.RentElements();
        try
        {
            each.Collect(scope, context.Root, elements);
            foreach (var element in elements)
            {
                if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || !Condition.All(when, element, context.Root))
                {
                    continue;
                }

                var item = new JsonObject();
                foreach (var field in fields)
                {
                    field.Write(context, element, item);
                }

                if (item.Count > 0)
                {
                    target.Append(output, item);
                }
            }
        }
        finally
        {
            context.ReturnElements(elements);
        }
    }
}
