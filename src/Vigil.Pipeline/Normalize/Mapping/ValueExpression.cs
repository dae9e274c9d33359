using System.Text;
using System.Text.Json;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>
/// A compiled value specification: where the values come from (one path, the first present of several,
/// a constant, or a template) and the transforms applied to them in the order the mapping lists them.
/// </summary>
internal sealed record ValueExpression
{
    public required string Origin { get; init; }

    public FieldPath? Path { get; init; }

    public FieldPath[]? Coalesce { get; init; }

    public MappedValue? Constant { get; init; }

    public TemplatePart[]? Template { get; init; }

    /// <summary>Whole value specs tried in order; the first that yields a value wins (<c>first_of:</c>).</summary>
    public ValueExpression[]? Alternatives { get; init; }

    public ValueStep[] Steps { get; init; } = [];

    public ExpectedKind Expected { get; init; } = ExpectedKind.Scalar;

    /// <summary>False when the mapping marks the field optional or gives a default: its absence is not drift.</summary>
    public bool TrackMissing { get; init; } = true;

    public IEnumerable<FieldPath> SourcePaths =>
        Path is not null ? [Path]
        : Coalesce ?? Alternatives?.SelectMany(a => a.SourcePaths)
        ?? (IEnumerable<FieldPath>)(Template?.Where(p => p.Path is not null).Select(p => p.Path!) ?? []);

    public void Evaluate(ApplyContext context, JsonElement scope, List<MappedValue> output)
    {
        if (Path is not null)
        {
            Read(Path, context, scope, output, TrackMissing);
        }
        else if (Coalesce is not null)
        {
            var anyPresent = false;
            foreach (var path in Coalesce)
            {
                var lookup = Read(path, context, scope, output, track: false);
                anyPresent |= lookup != PathLookup.Missing;
                if (output.Count > 0)
                {
                    break;
                }
            }

            if (!anyPresent && TrackMissing)
            {
                context.AddMissing(string.Join(" | ", Coalesce.Select(p => p.Text)));
            }
        }
        else if (Constant is { } constant)
        {
            output.Add(constant);
        }
        else if (Template is not null)
        {
            output.Add(MappedValue.FromString(Render(Template, context, scope)));
        }
        else if (Alternatives is not null)
        {
            foreach (var alternative in Alternatives)
            {
                alternative.Evaluate(context, scope, output);
                if (output.Count > 0)
                {
                    break;
                }
            }
        }

        foreach (var step in Steps)
        {
            step(output, context);
        }
    }

    public static string Render(TemplatePart[] template, ApplyContext context, JsonElement scope)
    {
        var text = new StringBuilder();
        foreach (var part in template)
        {
            if (part.Literal is not null)
            {
                text.Append(part.Literal);
                continue;
            }

            var element = part.Path!.First(scope, context.Root);
            if (MappedValue.TryFromElement(element, out var value))
            {
                text.Append(value.AsText());
            }
        }

        return text.ToString();
    }

    private PathLookup Read(FieldPath path, ApplyContext context, JsonElement scope, List<MappedValue> output, bool track)
    {
        var elements = context.RentElements();
        try
        {
            var lookup = path.Collect(scope, context.Root, elements);
            if (lookup == PathLookup.Missing && track && !path.HasEach)
            {
                context.AddMissing(path.Text);
            }

            foreach (var element in elements)
            {
                if (MappedValue.TryFromElement(element, out var value) && Accept(path, value, context))
                {
                    output.Add(value);
                }
            }

            return lookup;
        }
        finally
        {
            context.ReturnElements(elements);
        }
    }

    // A kind change is reported once per field; the value is still used when it can be (a number read as a
    // string converts), and dropped when it cannot (an object where a scalar was mapped).
    private bool Accept(FieldPath path, MappedValue value, ApplyContext context)
    {
        var (ok, usable) = Expected switch
        {
            ExpectedKind.Any => (true, true),
            ExpectedKind.Scalar => (value.IsScalar, value.IsScalar),
            ExpectedKind.String => (value.Kind == MappedValueKind.String, value.IsScalar),
            ExpectedKind.Number => (value.Kind is MappedValueKind.Integer or MappedValueKind.Real, value.IsScalar),
            ExpectedKind.Boolean => (value.Kind == MappedValueKind.Boolean, value.IsScalar),
            ExpectedKind.Object => (value.KindName == "object", value.KindName == "object"),
            ExpectedKind.Array => (value.KindName == "array", value.KindName == "array"),
            _ => (true, true),
        };
        if (!ok)
        {
            context.AddRetyped(path.Text, Expected.ToString().ToLowerInvariant(), value.KindName);
        }

        return usable;
    }
}
