namespace Vigil.Detection.Pipelines;

/// <summary>Finds pipelines by file path or by name among those shipped in content/pipelines/.</summary>
public static class SigmaPipelines
{
    /// <summary>The directory shipped pipelines are copied to next to the executable.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "content", "pipelines");

    /// <summary>
    /// Resolves <paramref name="nameOrPath"/>: an existing file, a shipped pipeline name (windows, ocsf), or
    /// "none" for no mapping.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither a file nor a shipped pipeline has that name.</exception>
    public static SigmaPipeline Resolve(string nameOrPath, string? searchDirectory = null)
    {
        if (string.Equals(nameOrPath, "none", StringComparison.OrdinalIgnoreCase))
        {
            return SigmaPipeline.None;
        }

        if (File.Exists(nameOrPath))
        {
            return SigmaPipelineLoader.LoadFile(nameOrPath);
        }

        var shipped = Path.Combine(searchDirectory ?? ShippedDirectory, nameOrPath + ".yml");
        return File.Exists(shipped)
            ? SigmaPipelineLoader.LoadFile(shipped)
            : throw new FileNotFoundException($"no pipeline file '{nameOrPath}' and no shipped pipeline '{shipped}'", nameOrPath);
    }
}
