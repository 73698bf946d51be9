namespace LiveCommerce.Testing.Faults;

/// <summary>A storage call failed by <see cref="FaultyGrainStorage"/> before it reached the real storage.</summary>
public sealed class InjectedStorageException : Exception
{
    /// <summary>Creates the error.</summary>
    public InjectedStorageException()
        : this("Injected storage failure.")
    {
    }

    /// <summary>Creates the error with <paramref name="message"/>.</summary>
    public InjectedStorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with <paramref name="message"/> and its cause.</summary>
    public InjectedStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
