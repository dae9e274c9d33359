namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>One step of a <see cref="FieldPath"/>: a property name, every array element (<c>[]</c>), or one index (<c>[2]</c>).</summary>
internal readonly record struct PathSegment(string? Name, int Index)
{
    public const int Each = -1;

    public bool IsProperty => Name is not null;

    public bool IsEach => Name is null && Index == Each;

    public override string ToString() => Name is { } name
        ? (name.Contains('.', StringComparison.Ordinal) ? $"['{name}']" : name)
        : IsEach ? "[]" : $"[{Index}]";
}
