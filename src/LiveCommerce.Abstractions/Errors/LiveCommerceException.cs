namespace LiveCommerce.Abstractions.Errors;

/// <summary>
/// A request broke a rule of the engine. Grains throw it before they change anything; the HTTP layer
/// turns it into problem details and the hub into a <c>HubException</c> with <see cref="Exception.Message"/>.
/// </summary>
[GenerateSerializer, Alias("lc.LiveCommerceException")]
public sealed class LiveCommerceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LiveCommerceException(ErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>What kind of rule was broken.</summary>
    [Id(0)]
    public ErrorKind Kind { get; }

    /// <summary>400: bad input.</summary>
    public static LiveCommerceException Invalid(string message) => new(ErrorKind.Invalid, message);

    /// <summary>404: unknown id.</summary>
    public static LiveCommerceException NotFound(string message) => new(ErrorKind.NotFound, message);

    /// <summary>403: not the caller's.</summary>
    public static LiveCommerceException Forbidden(string message) => new(ErrorKind.Forbidden, message);

    /// <summary>409: conflicts with the current state.</summary>
    public static LiveCommerceException Conflict(string message) => new(ErrorKind.Conflict, message);
}
