using System.Reflection;

namespace Vigil.Storage.Migrations;

/// <summary>The embedded SQL scripts of one engine, ordered by name (0001_…, 0002_…).</summary>
internal static class MigrationScripts
{
    public static IReadOnlyList<(string Name, string Sql)> For(string folder)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{folder}.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (Path.GetFileNameWithoutExtension(name[prefix.Length..]), Read(assembly, name)))
            .ToArray();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded migration {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
