namespace Vigil.Detection.Attack;

/// <summary>An ATT&amp;CK Enterprise tactic such as TA0006 <c>credential-access</c>.</summary>
/// <param name="Id">The tactic id, e.g. <c>TA0006</c>.</param>
/// <param name="ShortName">MITRE's shortname with hyphens, e.g. <c>credential-access</c>.</param>
/// <param name="Name">The display name, e.g. <c>Credential Access</c>.</param>
/// <param name="KillChainOrder">Zero-based position in the Enterprise matrix (reconnaissance is 0, impact is 13).</param>
public sealed record AttackTactic(string Id, string ShortName, string Name, int KillChainOrder);
