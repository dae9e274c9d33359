namespace Vigil.Api;

internal sealed partial class ApiReferencePage
{
    /// <summary>Served from /api/reference.css because the CSP forbids inline styles.</summary>
    public const string Stylesheet = """
        body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d2430; display: grid; grid-template-columns: 20rem 1fr; }
        header { grid-column: 1 / 3; padding: 1rem 2rem; background: #10233d; color: #fff; }
        header a { color: #9cc7ff; }
        nav { padding: 1rem; border-right: 1px solid #dde3ea; font-size: 13px; position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; }
        nav ul { list-style: none; padding-left: .75rem; }
        main { padding: 1rem 2rem; max-width: 70rem; }
        article { border-top: 1px solid #dde3ea; padding: .5rem 0 1rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { border: 1px solid #dde3ea; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        code { font-family: ui-monospace, monospace; }
        .method { font: bold 12px ui-monospace, monospace; padding: 0 .3rem; border-radius: 3px; color: #fff; background: #56657a; }
        .method.get { background: #1f6feb; } .method.post { background: #1a7f37; } .method.delete { background: #cf222e; }
        .summary { font-weight: 600; }
        .auth { color: #56657a; font-size: 13px; }
        """;
}
