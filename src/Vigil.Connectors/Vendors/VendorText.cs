namespace Vigil.Connectors.Vendors;

internal static class VendorText
{
    /// <summary>A title-like field: line breaks become spaces and the text is cut to the vendor's limit.</summary>
    public static string OneLine(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}
