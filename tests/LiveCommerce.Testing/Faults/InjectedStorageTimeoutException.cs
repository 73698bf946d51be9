namespace LiveCommerce.Testing.Faults;

/// <summary>
/// A storage call that <see cref="FaultyGrainStorage"/> let land and then failed as a timeout, the way a Redis
/// command whose answer never came back fails although the server applied it.
/// </summary>
public sealed class InjectedStorageTimeoutException : TimeoutException
{
    /// <summary>Creates the error.</summary>
    public InjectedStorageTimeoutException()
        : this("Injected storage timeout (the call landed).")
    {
    }

    /// <summary>Creates the error with <paramref name="message"/>.</summary>
    public InjectedStorageTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with <paramref name="message"/> and its cause.</summary>
    public InjectedStorageTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
