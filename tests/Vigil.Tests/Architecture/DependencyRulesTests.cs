using System.Reflection;

namespace Vigil.Tests.Architecture;

/// <summary>
/// Dependencies point one way: Domain ← Detection ← Pipeline ← Storage/Connectors ← the host. Read from the compiled
/// assemblies' references, so a stray ProjectReference or package fails here rather than in review.
/// </summary>
public sealed class DependencyRulesTests
{
    public static TheoryData<string, string[]> AllowedVigilReferences => new()
    {
        { "Vigil.Domain", [] },
        { "Vigil.Detection", ["Vigil.Domain"] },
        { "Vigil.Pipeline", ["Vigil.Domain", "Vigil.Detection"] },
        { "Vigil.Storage", ["Vigil.Domain", "Vigil.Detection", "Vigil.Pipeline"] },
        { "Vigil.Connectors", ["Vigil.Domain", "Vigil.Detection", "Vigil.Pipeline"] },
    };

    [Theory]
    [MemberData(nameof(AllowedVigilReferences))]
    public void Assembly_ReferencesOnlyLowerLayers(string assembly, string[] allowed)
    {
        var references = VigilReferencesOf(assembly);

        Assert.Empty(references.Except(allowed));
    }

    [Theory]
    [InlineData("Vigil.Domain", "Microsoft.AspNetCore")]
    [InlineData("Vigil.Domain", "Npgsql")]
    [InlineData("Vigil.Domain", "Microsoft.Data.Sqlite")]
    [InlineData("Vigil.Domain", "YamlDotNet")]
    [InlineData("Vigil.Detection", "Microsoft.AspNetCore")]
    [InlineData("Vigil.Detection", "Npgsql")]
    [InlineData("Vigil.Pipeline", "Npgsql")]
    [InlineData("Vigil.Pipeline", "Microsoft.Data.Sqlite")]
    [InlineData("Vigil.Pipeline", "Dapper")]
    public void Assembly_DoesNotReferenceInfrastructure(string assembly, string forbiddenPrefix)
    {
        var references = Load(assembly).GetReferencedAssemblies().Select(r => r.Name!);

        Assert.DoesNotContain(references, r => r.StartsWith(forbiddenPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Host_IsTheOnlyAssemblyThatReferencesStorage()
    {
        foreach (var assembly in new[] { "Vigil.Domain", "Vigil.Detection", "Vigil.Pipeline", "Vigil.Connectors" })
        {
            Assert.DoesNotContain("Vigil.Storage", VigilReferencesOf(assembly));
        }

        Assert.Contains("Vigil.Storage", VigilReferencesOf("vigil"));
    }

    private static string[] VigilReferencesOf(string assembly) =>
        Load(assembly).GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("Vigil.", StringComparison.Ordinal) || n == "vigil")
            .ToArray();

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));
}
