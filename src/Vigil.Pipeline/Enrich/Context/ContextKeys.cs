namespace Vigil.Pipeline.Enrich.Context;

/// <summary>The alternative keys context is found by, shared by the in-memory directory and the store.</summary>
public static class ContextKeys
{
    /// <summary>"dc-01.corp.local" is also known as "dc-01".</summary>
    public static string ShortName(string host)
    {
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? host : host[..dot];
    }

    /// <summary>"corp\alice" and "alice@corp.local" (a UPN) both name the account "alice".</summary>
    public static string BareAccount(string user)
    {
        var slash = user.LastIndexOf('\\');
        var name = slash < 0 ? user : user[(slash + 1)..];
        var at = name.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? name : name[..at];
    }
}
