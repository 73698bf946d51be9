namespace LiveCommerce.Testing.Faults;

/// <summary>What <see cref="FaultyGrainStorage"/> does to one call.</summary>
public enum StorageFault
{
    /// <summary>The call goes through untouched.</summary>
    None,

    /// <summary>The call fails before it reaches the real storage: nothing is read, written or cleared.</summary>
    Before,

    /// <summary>
    /// The call reaches the real storage and lands, then fails as a timeout would: the caller cannot tell whether
    /// it landed (only writes and clears; a read fails <see cref="Before"/>).
    /// </summary>
    After,
}
