namespace Vigil.Detection.Rules;

/// <summary>
/// A node of a search identifier: a map (<see cref="SigmaDetectionAll"/>, items AND-ed), a list
/// (<see cref="SigmaDetectionAny"/>, items OR-ed) or one field/keyword test (<see cref="SigmaFieldTest"/>).
/// </summary>
public abstract record SigmaDetectionItem(int Line);
