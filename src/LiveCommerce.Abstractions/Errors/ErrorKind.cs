namespace LiveCommerce.Abstractions.Errors;

/// <summary>What kind of rule a request broke; decides the HTTP status and the hub message.</summary>
[GenerateSerializer, Alias("lc.ErrorKind")]
public enum ErrorKind
{
    /// <summary>Bad input (400).</summary>
    Invalid = 0,

    /// <summary>Unknown id (404).</summary>
    NotFound = 1,

    /// <summary>Not the caller's to change (403).</summary>
    Forbidden = 2,

    /// <summary>Conflicts with the current state, such as not enough stock (409).</summary>
    Conflict = 3,
}
