namespace Vigil.Detection.Tests.Sigma;

/// <summary>Finds the repository's fixtures by walking up to Vigil.slnx (tests run from bin/...).</summary>
internal static class Fixtures
{
    public static readonly string Root = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, "tests", "fixtures", .. parts]);

    public static string Pipeline(string name) => System.IO.Path.Combine(Root, "content", "pipelines", name + ".yml");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Vigil.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Vigil.slnx above {AppContext.BaseDirectory}");
    }
}
