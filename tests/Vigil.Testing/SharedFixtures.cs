namespace Vigil.Testing;

/// <summary>
/// Finds fixture data: the repository's own copy under tests/fixtures first, then the shared folder beside the clone
/// (<c>../shared/fixtures</c>, which is how CI lays it out), then <c>VIGIL_FIXTURES</c>.
/// </summary>
public static class SharedFixtures
{
    public static string Path(string relative)
    {
        var candidates = new List<string>
        {
            RepositoryPaths.Combine("tests", "fixtures", relative),
            System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryPaths.Root, "..", "shared", "fixtures", relative)),
        };
        if (Environment.GetEnvironmentVariable("VIGIL_FIXTURES") is { Length: > 0 } configured)
        {
            candidates.Add(System.IO.Path.Combine(configured, relative));
        }

        return candidates.FirstOrDefault(c => File.Exists(c) || Directory.Exists(c)) ?? candidates[^1];
    }
}
