using System.Globalization;
using System.Text;
using QRCoder;

namespace Vigil.Web;

/// <summary>
/// A QR code as one SVG path (dark modules only, a 4-module quiet zone as ISO/IEC 18004 asks), so the page needs no
/// image endpoint and no inline style.
/// </summary>
internal static class QrSvg
{
    public static string Render(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        // QRCoder's matrix already includes the quiet zone.
        return $"<svg class=\"qr\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"QR code for your authenticator app\" shape-rendering=\"crispEdges\"><path d=\"{path}\"/></svg>";
    }
}
