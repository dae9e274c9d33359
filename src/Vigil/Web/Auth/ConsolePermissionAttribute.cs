namespace Vigil.Web.Auth;

/// <summary>
/// The permission a console page needs to be seen at all. Without it the page answers 404, exactly as for something
/// that does not exist. It is endpoint metadata, so the authorization test matrix reads it. Several attributes mean
/// any one of them suffices.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class ConsolePermissionAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;
}
