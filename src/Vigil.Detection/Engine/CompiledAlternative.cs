using Vigil.Detection.Compilation;
using Vigil.Detection.Matching;

namespace Vigil.Detection.Engine;

/// <summary>
/// One logsource alternative of a rule: <see cref="Matcher"/> is conditions + detection + filters,
/// <see cref="Detection"/> the detection alone (what the literal prefilter analyses), plus the field mapping.
/// </summary>
internal sealed record CompiledAlternative(Matcher Matcher, Matcher Detection, CompileContext Context);
