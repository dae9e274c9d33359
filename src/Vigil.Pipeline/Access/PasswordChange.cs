namespace Vigil.Pipeline.Access;

public enum PasswordChange
{
    Changed,
    WrongPassword,
    TooShort,
    Unchanged,
}
