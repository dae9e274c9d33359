namespace Vigil.Detection.Matching;

/// <summary>What one position of a parsed Sigma string is.</summary>
internal enum PatternToken : byte
{
    Literal,

    /// <summary><c>*</c>: any run of characters, empty included.</summary>
    Star,

    /// <summary><c>?</c>: exactly one character.</summary>
    Question,

    /// <summary>Any of the <c>windash</c> characters (used when expanding permutations would explode).</summary>
    Dash,
}
