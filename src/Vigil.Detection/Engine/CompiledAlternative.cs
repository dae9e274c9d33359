using Vigil.Detection.Compilation;
using Vigil.Detection.Matching;

namespace Vigil.Detection.Engine;

/// <summary>One logsource alternative of a rule: its conditions + detection + filters, and its field mapping.</summary>
internal sealed record CompiledAlternative(Matcher Matcher, CompileContext Context);
